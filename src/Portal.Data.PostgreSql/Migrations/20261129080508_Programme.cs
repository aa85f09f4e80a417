using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Programme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndexResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    UnitKey = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    MaxScore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    RankOf = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexResults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutputReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutputReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRegistrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseKey = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitKey = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Seat = table.Column<int>(type: "integer", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RegisteredByKey = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRegistrations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_Index_Year_UnitKey",
                table: "IndexResults",
                columns: new[] { "Index", "Year", "UnitKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_Key",
                table: "IndexResults",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_UnitKey",
                table: "IndexResults",
                column: "UnitKey");

            migrationBuilder.CreateIndex(
                name: "IX_OutputReminders_UnitKey_Month",
                table: "OutputReminders",
                columns: new[] { "UnitKey", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRegistrations_CourseKey_UnitKey_Seat",
                table: "TrainingRegistrations",
                columns: new[] { "CourseKey", "UnitKey", "Seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRegistrations_Key",
                table: "TrainingRegistrations",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRegistrations_UnitKey",
                table: "TrainingRegistrations",
                column: "UnitKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndexResults");

            migrationBuilder.DropTable(
                name: "OutputReminders");

            migrationBuilder.DropTable(
                name: "TrainingRegistrations");
        }
    }
}
