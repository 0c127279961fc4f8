using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spcncl.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Publicity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnnouncementKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Handled = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    HandledUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DownloadCounts",
                columns: table => new
                {
                    DocumentKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    MediaKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DownloadCounts", x => new { x.DocumentKey, x.MediaKey });
                });

            migrationBuilder.CreateTable(
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Attendees = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Handled = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    HandledUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AnnouncementKey_CreatedUtc",
                table: "Comments",
                columns: new[] { "AnnouncementKey", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Key",
                table: "Comments",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventKey_CreatedUtc",
                table: "EventRegistrations",
                columns: new[] { "EventKey", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_Key",
                table: "EventRegistrations",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Comments");

            migrationBuilder.DropTable(
                name: "DownloadCounts");

            migrationBuilder.DropTable(
                name: "EventRegistrations");
        }
    }
}
