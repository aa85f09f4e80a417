using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    MaxScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    RankOf = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexResults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutputReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutputReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRegistrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RegisteredByKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
