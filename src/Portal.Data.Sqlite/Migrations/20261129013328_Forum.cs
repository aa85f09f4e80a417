using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Forum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Units answer forum questions: their seeded groups, created before the forum existed, gain its section.
            migrationBuilder.Sql("""
                UPDATE "UserGroups" SET "Sections" = replace("Sections", ']', ',"forum"]') WHERE "UnitKey" IS NOT NULL AND "Sections" NOT LIKE '%"forum"%' AND "Sections" <> '[]';
                """);

            migrationBuilder.CreateTable(
                name: "ForumQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrackingCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    OriginalText = table.Column<string>(type: "TEXT", maxLength: 10400, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AboutUnitKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    AskerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ContactIsEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedUnitKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedUnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TransferredTo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RemindersSent = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumQuestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForumAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Citations = table.Column<string>(type: "TEXT", nullable: false),
                    AttachmentKeys = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WrittenByKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForumAnswers_ForumQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ForumQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ForumReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reporter = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Decided = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForumReports_ForumQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ForumQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ForumTimeline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActorKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumTimeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForumTimeline_ForumQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ForumQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ForumAnswers_Key",
                table: "ForumAnswers",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForumAnswers_QuestionId",
                table: "ForumAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumAnswers_UnitKey_Status",
                table: "ForumAnswers",
                columns: new[] { "UnitKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ForumQuestions_AssignedAt",
                table: "ForumQuestions",
                column: "AssignedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ForumQuestions_AssignedUnitKey_Status",
                table: "ForumQuestions",
                columns: new[] { "AssignedUnitKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ForumQuestions_ClosedAt",
                table: "ForumQuestions",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ForumQuestions_Key",
                table: "ForumQuestions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForumQuestions_Status_SubmittedAt",
                table: "ForumQuestions",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ForumQuestions_TrackingCode",
                table: "ForumQuestions",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForumQuestions_Year_Number",
                table: "ForumQuestions",
                columns: new[] { "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForumReports_Decided_At",
                table: "ForumReports",
                columns: new[] { "Decided", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ForumReports_QuestionId",
                table: "ForumReports",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumTimeline_QuestionId_Id",
                table: "ForumTimeline",
                columns: new[] { "QuestionId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ForumAnswers");

            migrationBuilder.DropTable(
                name: "ForumReports");

            migrationBuilder.DropTable(
                name: "ForumTimeline");

            migrationBuilder.DropTable(
                name: "ForumQuestions");
        }
    }
}
