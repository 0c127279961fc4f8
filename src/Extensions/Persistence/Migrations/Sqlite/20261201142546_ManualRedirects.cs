using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spcncl.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ManualRedirects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ManualRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 900, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 900, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManualRedirects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ManualRedirects_Path",
                table: "ManualRedirects",
                column: "Path",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ManualRedirects");
        }
    }
}
