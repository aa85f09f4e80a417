using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.PostgreSql.Migrations
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
                type: "uuid",
                nullable: true);

            // Editions written before this column existed name their unit only inside the field values.
            migrationBuilder.Sql("""
                UPDATE "Editions"
                SET "UnitKey" = substring("FieldValues"::jsonb ->> 'unit' from 16)::uuid
                WHERE "FieldValues"::jsonb ->> 'unit' ~* '^umb://document/[0-9a-f]{32}$';
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
