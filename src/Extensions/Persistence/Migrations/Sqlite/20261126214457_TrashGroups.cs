using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spcncl.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrashGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TrashedWithId",
                table: "Documents",
                type: "INTEGER",
                nullable: true);

            // Pages already in the recycle bin become their own trash groups.
            migrationBuilder.Sql("UPDATE \"Documents\" SET \"TrashedWithId\" = \"Id\" WHERE \"Trashed\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TrashedWithId",
                table: "Documents");
        }
    }
}
