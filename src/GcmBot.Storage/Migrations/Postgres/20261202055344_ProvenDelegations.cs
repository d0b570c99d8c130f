using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProvenDelegations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "JoinedAt",
                table: "Participants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RequestedAt",
                table: "Participants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequestedDelegationId",
                table: "Participants",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApprovedMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DelegationId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovedMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovedMembers_Delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_RequestedDelegationId",
                table: "Participants",
                column: "RequestedDelegationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovedMembers_Channel_ExternalId_DelegationId",
                table: "ApprovedMembers",
                columns: new[] { "Channel", "ExternalId", "DelegationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovedMembers_DelegationId",
                table: "ApprovedMembers",
                column: "DelegationId");

            migrationBuilder.AddForeignKey(
                name: "FK_Participants_Delegations_RequestedDelegationId",
                table: "Participants",
                column: "RequestedDelegationId",
                principalTable: "Delegations",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Participants_Delegations_RequestedDelegationId",
                table: "Participants");

            migrationBuilder.DropTable(
                name: "ApprovedMembers");

            migrationBuilder.DropIndex(
                name: "IX_Participants_RequestedDelegationId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "JoinedAt",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "RequestedAt",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "RequestedDelegationId",
                table: "Participants");
        }
    }
}
