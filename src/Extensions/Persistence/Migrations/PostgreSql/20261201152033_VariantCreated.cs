using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spcncl.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class VariantCreated : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "DocumentCultures",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedUtc",
                table: "DocumentCultures",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Cultures written before this column: the document's own creation is the best that is known.
            migrationBuilder.Sql("UPDATE \"DocumentCultures\" SET \"CreatedUtc\" = (SELECT \"CreatedUtc\" FROM \"Documents\" WHERE \"Documents\".\"Id\" = \"DocumentCultures\".\"DocumentId\"), \"CreatedBy\" = (SELECT \"CreatedBy\" FROM \"Documents\" WHERE \"Documents\".\"Id\" = \"DocumentCultures\".\"DocumentId\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "DocumentCultures");

            migrationBuilder.DropColumn(
                name: "CreatedUtc",
                table: "DocumentCultures");
        }
    }
}
