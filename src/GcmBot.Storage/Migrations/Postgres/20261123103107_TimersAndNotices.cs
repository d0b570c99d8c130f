using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TimersAndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Deadline",
                table: "Interventions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PausedAt",
                table: "Interventions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PausedRemainingSeconds",
                table: "Interventions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PausedTotalSeconds",
                table: "Interventions",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "SpeakerName",
                table: "Interventions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimerState",
                table: "Interventions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Allowances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    DelegationId = table.Column<int>(type: "integer", nullable: false),
                    Seconds = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SessionId = table.Column<int>(type: "integer", nullable: true),
                    InterventionId = table.Column<long>(type: "bigint", nullable: true),
                    ParticipantId = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedByParticipantId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
