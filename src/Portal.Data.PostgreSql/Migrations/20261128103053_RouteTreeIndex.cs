using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RouteTreeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Editions_RouteTree",
                table: "Editions",
                columns: new[] { "Status", "DocumentKey", "Number", "Name", "UrlSegment", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Editions_RouteTree",
                table: "Editions");
        }
    }
}
