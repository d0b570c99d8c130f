using System.Net;
using System.Net.Http.Json;
using GcmBot.Storage;
using GcmBot.Storage.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Scheduling.Tests;

/// <summary>
/// Control characters are refused at input, politely and the same on both databases: PostgreSQL never sees a NUL
/// (it would fail the whole command), SQLite never stores one.
/// </summary>
public sealed class ControlCharacterTests
{
    private const string Nul = "control character (U+0000, NUL)";

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Input_ControlCharacters_RefusedSayingWhatAndNothingStored(StorageProvider provider)
    {
        var database = provider == StorageProvider.Postgres ? PostgresServer.NewDatabaseName() : null;
        if (database is not null)
        {
            await PostgresServer.CreateDatabaseAsync(database);
        }

        try
        {
            await using var host = new BotHost(new FakeTimeProvider(BotHost.DuringActionGroups), postgres: database is null ? null : PostgresServer.ConnectionStringFor(database, "gcmbot-control"));
            var organiser = await host.Chat.IdentityAsync("Secretariat", null, "organiser");
            var (_, delegates) = await host.OpenAg1Async("Mexico");
            var mexico = delegates[0];

            // Texts: a card, a broadcast, a chat contribution.
            AssertRefused(await host.Chat.SendAsync(mexico, WebChat.RoomA, "/card Pathways\u0000 | Bilateral agreements | ILO"), $"<card> contains a {Nul}");
            AssertRefused(await host.Chat.SendAsync(organiser, WebChat.RoomA, "/broadcast Doors open\u0000"), $"<text> contains a {Nul}");
            var remark = await host.Chat.SendAsync(mexico, WebChat.RoomA, "We support portable pensions\u0000 for all.");
            Assert.StartsWith($"This message contains a {Nul}", Messages.Text(remark), StringComparison.Ordinal);

            // Names: a delegation typed in a command, a person's name in the identity picker.
            AssertRefused(await host.Chat.SendAsync(mexico, WebChat.RoomA, "/register \"Mex\u0000ico\""), $"<delegation> contains a {Nul}");
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            using var identity = await client.PostAsJsonAsync(new Uri("/api/web/identity", UriKind.Relative), new { displayName = "Ana\u0000", delegation = "Ecuador", role = "delegate" });
            Assert.Equal(HttpStatusCode.BadRequest, identity.StatusCode);
            Assert.Contains($"Your name contains a {Nul}", await identity.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // Line breaks and tabs are kept in texts.
            await host.Chat.RunAsync(mexico, WebChat.RoomA, "/card Pathways:\n\t- regular | Bilateral agreements | ILO");

            await using var db = host.Services.GetRequiredService<GcmContextFactory>().Create();
            Assert.Equal("Pathways:\n\t- regular", (await db.Cards.AsNoTracking().SingleAsync()).Recommendation);
            Assert.Equal(0, await db.Contributions.CountAsync());
            Assert.Equal(["Delegate of Mexico", "Marit Maij", "Secretariat"], await db.Participants.Select(p => p.DisplayName).OrderBy(n => n).ToListAsync());
        }
        finally
        {
            if (database is not null)
            {
                await PostgresServer.DropDatabaseAsync(database);
            }
        }
    }

    private static void AssertRefused(System.Text.Json.JsonElement reply, string start)
    {
        Assert.True(reply.GetProperty("isError").GetBoolean(), Messages.Text(reply));
        Assert.StartsWith(start, Messages.Text(reply), StringComparison.Ordinal);
    }
}
