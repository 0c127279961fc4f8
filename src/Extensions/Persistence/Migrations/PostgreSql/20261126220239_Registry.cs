using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Spcncl.Persistence.Migrations.PostgreSql
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
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CouncilDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CeremonyDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardCycles", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Enquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductKey = table.Column<Guid>(type: "uuid", nullable: true),
                    EnterpriseKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Company = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Country = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MeetAtFair = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MailStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MailAttempts = table.Column<int>(type: "integer", nullable: false),
                    MailError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MailedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Handled = table.Column<bool>(type: "boolean", nullable: false),
                    HandledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    HandledUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enquiries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Awards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ProductKey = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseKey = table.Column<Guid>(type: "uuid", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Top10 = table.Column<bool>(type: "boolean", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    ProductNameVi = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ProductNameEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    EnterpriseNameVi = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    EnterpriseNameEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    EnterpriseTaxCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
