using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spcncl.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardCycles",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CouncilDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CeremonyDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardCycles", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Enquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnterpriseKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MeetAtFair = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MailStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MailAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MailError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MailedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Handled = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    HandledUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enquiries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Awards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ProductKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Top10 = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProductNameVi = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProductNameEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EnterpriseNameVi = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EnterpriseNameEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EnterpriseTaxCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Awards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Awards_AwardCycles_Year",
                        column: x => x.Year,
                        principalTable: "AwardCycles",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Awards_CertificateNumber",
                table: "Awards",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Awards_EnterpriseKey",
                table: "Awards",
                column: "EnterpriseKey");

            migrationBuilder.CreateIndex(
                name: "IX_Awards_ProductKey",
                table: "Awards",
                column: "ProductKey");

            migrationBuilder.CreateIndex(
                name: "IX_Awards_Year_ProductKey",
                table: "Awards",
                columns: new[] { "Year", "ProductKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_CreatedUtc",
                table: "Enquiries",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_Key",
                table: "Enquiries",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_MailStatus",
                table: "Enquiries",
                column: "MailStatus");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Awards");

            migrationBuilder.DropTable(
                name: "Enquiries");

            migrationBuilder.DropTable(
                name: "AwardCycles");
        }
    }
}
