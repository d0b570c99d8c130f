using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChatLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatLog_Channel_ConversationId_Recipient_Id",
                table: "ChatLog",
                columns: new[] { "Channel", "ConversationId", "Recipient", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatLog_Channel_Recipient_Id",
                table: "ChatLog",
                columns: new[] { "Channel", "Recipient", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatLog");
        }
    }
}
