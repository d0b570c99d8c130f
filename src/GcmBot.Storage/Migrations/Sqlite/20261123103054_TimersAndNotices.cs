using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimersAndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Deadline",
                table: "Interventions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PausedAt",
                table: "Interventions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PausedRemainingSeconds",
                table: "Interventions",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PausedTotalSeconds",
                table: "Interventions",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "SpeakerName",
                table: "Interventions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimerState",
                table: "Interventions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Allowances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allowances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Allowances_Delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Allowances_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    InterventionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedByParticipantId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allowances_DelegationId",
                table: "Allowances",
                column: "DelegationId");

            migrationBuilder.CreateIndex(
                name: "IX_Allowances_SessionId_DelegationId",
                table: "Allowances",
                columns: new[] { "SessionId", "DelegationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notices_FiredAt_CancelledAt_DueAt",
                table: "Notices",
                columns: new[] { "FiredAt", "CancelledAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_SessionId_InterventionId",
                table: "Notices",
                columns: new[] { "SessionId", "InterventionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Allowances");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "Interventions");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "Interventions");

            migrationBuilder.DropColumn(
                name: "PausedRemainingSeconds",
                table: "Interventions");

            migrationBuilder.DropColumn(
                name: "PausedTotalSeconds",
                table: "Interventions");

            migrationBuilder.DropColumn(
                name: "SpeakerName",
                table: "Interventions");

            migrationBuilder.DropColumn(
                name: "TimerState",
                table: "Interventions");
        }
    }
}
