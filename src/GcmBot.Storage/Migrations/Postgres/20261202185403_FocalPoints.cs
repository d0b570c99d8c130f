using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FocalPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FocalPointId",
                table: "Delegations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_FocalPointId",
                table: "Delegations",
                column: "FocalPointId");

            migrationBuilder.AddForeignKey(
                name: "FK_Delegations_Participants_FocalPointId",
                table: "Delegations",
                column: "FocalPointId",
                principalTable: "Participants",
                principalColumn: "Id");

            // Until now the focal point was implicit: the first member still in the delegation, in the order they
            // became members (those from before that was recorded, by when they were first seen). Store it as such.
            migrationBuilder.Sql("""
                UPDATE "Delegations" SET "FocalPointId" = (
                    SELECT p."Id" FROM "Participants" AS p
                    WHERE p."DelegationId" = "Delegations"."Id"
                    ORDER BY COALESCE(p."JoinedAt", p."FirstSeenAt"), p."Id"
                    LIMIT 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Delegations_Participants_FocalPointId",
                table: "Delegations");

            migrationBuilder.DropIndex(
                name: "IX_Delegations_FocalPointId",
                table: "Delegations");

            migrationBuilder.DropColumn(
                name: "FocalPointId",
                table: "Delegations");
        }
    }
}
