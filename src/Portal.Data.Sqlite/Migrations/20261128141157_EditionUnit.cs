using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EditionUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Editions_RouteTree",
                table: "Editions");

            migrationBuilder.AddColumn<Guid>(
                name: "UnitKey",
                table: "Editions",
                type: "TEXT",
                nullable: true);

            // Editions written before this column existed name their unit only inside the field values; EF stores
            // GUIDs in SQLite as upper-case text with dashes.
            migrationBuilder.Sql("""
                UPDATE "Editions"
                SET "UnitKey" = upper(
                    substr(json_extract("FieldValues", '$.unit'), 16, 8) || '-' || substr(json_extract("FieldValues", '$.unit'), 24, 4) || '-' ||
                    substr(json_extract("FieldValues", '$.unit'), 28, 4) || '-' || substr(json_extract("FieldValues", '$.unit'), 32, 4) || '-' ||
                    substr(json_extract("FieldValues", '$.unit'), 36, 12))
                WHERE json_valid("FieldValues") AND lower(json_extract("FieldValues", '$.unit')) GLOB 'umb://document/[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Editions_RouteTree",
                table: "Editions",
                columns: new[] { "Status", "DocumentKey", "Number", "Name", "UrlSegment", "PublishedAt", "UnitKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Editions_RouteTree",
                table: "Editions");

            migrationBuilder.DropColumn(
                name: "UnitKey",
                table: "Editions");

            migrationBuilder.CreateIndex(
                name: "IX_Editions_RouteTree",
                table: "Editions",
                columns: new[] { "Status", "DocumentKey", "Number", "Name", "UrlSegment", "PublishedAt" });
        }
    }
}
