namespace GcmBot.Teams.Tests;

/// <summary>
/// The bot's main cards, as sent to the connector, parsed by the official Adaptive Cards renderer library (npm
/// <c>adaptivecards</c>): nothing it does not know or finds invalid. The schema check (<see cref="Schemas"/>) runs on
/// every card of every test; this one asks the renderer too, and proves it refuses a broken card.
/// </summary>
public sealed class CardRendererTests
{
    private const string Mexico = "29:mexico";

    [Fact]
    public async Task Cards_ListFormAgendaHelpInvitation_ParseCleanlyInTheRendererWhichRefusesABrokenOne()
    {
        await using var chat = await TeamsChat.StartAsync();
        await MessagesTests.OpenRoomAAsync(chat);
        await chat.RegisterAsync(Mexico, "Delegate of Mexico", "Mexico");
        await chat.SayAsync(Mexico, "Delegate of Mexico", "speak");
        List<ConnectorCall> replies =
        [
            await chat.SayAsync(Mexico, "Delegate of Mexico", "queue"),
            await chat.SayAsync(Mexico, "Delegate of Mexico", "card"),
            await chat.SayAsync(Mexico, "Delegate of Mexico", "agenda"),
            await chat.SayAsync(Mexico, "Delegate of Mexico", "help"),
            await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "invite Mexico"),
        ];
        var folder = Directory.CreateTempSubdirectory("gcmbot-cards-").FullName;
        try
        {
            var files = new List<string>();
            foreach (var (reply, i) in replies.Select((r, i) => (r, i)))
            {
                var card = reply.Card ?? throw new InvalidOperationException($"No card in {reply.Body}");
                files.Add(Path.Combine(folder, $"card-{i}.json"));
                await File.WriteAllTextAsync(files[^1], card.GetRawText());
            }

            var broken = Path.Combine(folder, "broken.json");
            await File.WriteAllTextAsync(broken, """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"}]}""");

            var events = await JsValidators.RunAsync("validate-cards.js", [.. files, broken]);

            Assert.All(files, f => Assert.True(events[f].Length == 0, $"{File.ReadAllText(f)}: {string.Join("; ", events[f])}"));
            Assert.Contains(events[broken], e => e.StartsWith("UnknownElementType", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
