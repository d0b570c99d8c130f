using System.Net;

namespace GcmBot.Host.Tests;

public sealed class CommandsApiTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task PostCommand_MissingOrUnknownUser_Returns401Json(string? token)
    {
        await using var app = new GcmBotApp();

        using var response = await app.PostCommandAsync(token, new { conversation = GcmBotApp.RoomA, text = "/speak" });
        var body = await GcmBotApp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Please pick who you are first", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCommand_TextOver4000Characters_Returns400AndStoresNothing()
    {
        await using var app = new GcmBotApp();
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        var mexico = await app.IdentityAsync("Mexico delegate", "Mexico", "delegate");
        await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");

        using var tooLong = await app.PostCommandAsync(mexico, new { conversation = GcmBotApp.RoomA, text = new string('x', 4001) });
        using var command = await app.PostCommandAsync(mexico, new { conversation = GcmBotApp.RoomA, text = "/speak " + new string('x', 4000) });
        var error = (await GcmBotApp.ReadJsonAsync(tooLong)).GetProperty("error").GetString();
        var session = await app.SessionAsync("AG1");
        var waiting = await app.QueryAsync((data, ct) => data.GetWaitingAsync(session.Id, ct));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, command.StatusCode);
        Assert.Equal("That message has 4001 characters; the limit is 4000. Nothing was sent.", error);
        Assert.Empty(waiting);
    }

    [Fact]
    public async Task PostText_CommandNameWithoutSlash_PrivateReplyPointsToCommandAndNothingCaptured()
    {
        await using var app = new GcmBotApp();
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        var mexico = await app.IdentityAsync("Mexico delegate", "Mexico", "delegate");
        await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");

        var reply = await app.SendAsync(mexico, GcmBotApp.RoomA, "speak");
        var session = await app.SessionAsync("AG1");
        var contributions = await app.QueryAsync((data, ct) => data.GetContributionsAsync(session.Id, ct));

        Assert.Equal("private", reply.GetProperty("visibility").GetString());
        Assert.StartsWith("“speak” reads as the command `/speak`", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(contributions);
    }

    [Fact]
    public async Task PostCommand_InSpanishAndFrench_RunsAsTheEnglishCommand()
    {
        await using var app = new GcmBotApp();
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        var mexico = await app.IdentityAsync("Mexico delegate", "Mexico", "delegate");
        var ecuador = await app.IdentityAsync("Ecuador delegate", "Ecuador", "delegate");
        await app.SendAsync(moderator, GcmBotApp.RoomA, "/abrir sesión AG1");

        await app.SendAsync(mexico, GcmBotApp.RoomA, "/hablar");
        await app.SendAsync(ecuador, GcmBotApp.RoomA, "/Prendre la parole");
        var unslashed = await app.SendAsync(mexico, GcmBotApp.RoomA, "hablar");
        var session = await app.SessionAsync("AG1");
        var waiting = await app.QueryAsync((data, ct) => data.GetWaitingAsync(session.Id, ct));

        Assert.True(session.IsOpen);
        Assert.Equal(2, waiting.Count);
        Assert.StartsWith("“hablar” reads as the command `/hablar`", unslashed.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.QueryAsync((data, ct) => data.GetContributionsAsync(session.Id, ct)));
    }

    [Fact]
    public async Task PostMessage_StorageFails_PoliteErrorAndAcceptedAgainAfter()
    {
        await using var app = new GcmBotApp();
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        var mexico = await app.IdentityAsync("Mexico delegate", "Mexico", "delegate");
        await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");

        app.BreakDatabase();
        using var failed = await app.PostCommandAsync(mexico, new { conversation = GcmBotApp.RoomA, text = "Mexico supports the proposal." });
        var error = (await GcmBotApp.ReadJsonAsync(failed)).GetProperty("error").GetString();
        app.RestoreDatabase();
        using var accepted = await app.PostCommandAsync(mexico, new { conversation = GcmBotApp.RoomA, text = "Mexico supports the proposal." });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.StartsWith("Sorry, something went wrong on our side and nothing was changed.", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var session = await app.SessionAsync("AG1");
        Assert.Single(await app.QueryAsync((data, ct) => data.GetContributionsAsync(session.Id, ct)));
    }

    [Fact]
    public async Task ChatPage_StorageFails_StillServedInTheBrowsersLanguage()
    {
        await using var app = new GcmBotApp();
        using (await app.Client.GetAsync(new Uri("/", UriKind.Relative)))
        {
        }

        app.BreakDatabase();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");
        using var page = await app.Client.SendAsync(request);
        app.RestoreDatabase();

        // The page loads and says itself that the meeting cannot be reached, with its Try again button.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("lang=\"fr\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speak_ActionGroupScenario_MemberStatesHeardBeforeStakeholders()
    {
        await using var app = new GcmBotApp();
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        var speakers = new Dictionary<string, string>();
        foreach (var name in new[] { "Migrant Forum in Asia", "Mexico", "International Catholic Migration Commission", "Chile", "Philippines" })
        {
            speakers[name] = await app.IdentityAsync($"{name} delegate", name, "delegate");
        }

        var opened = await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");
        foreach (var (name, token) in speakers)
        {
            var placed = await app.SendAsync(token, GcmBotApp.RoomA, "/speak");
            Assert.False(placed.GetProperty("isError").GetBoolean(), placed.ToString());
            Assert.Contains($"**{name}** asked for the floor", placed.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var queue = await app.SendAsync(moderator, GcmBotApp.RoomA, "/queue");
        string[] expected = ["Mexico", "Chile", "Philippines", "Migrant Forum in Asia", "International Catholic Migration Commission"];
        var floor = new List<string>();
        for (var i = 0; i < expected.Length; i++)
        {
            var next = await app.SendAsync(moderator, GcmBotApp.RoomA, "/next");
            floor.Add(next.GetProperty("title").GetString()!);
        }

        var empty = await app.SendAsync(moderator, GcmBotApp.RoomA, "/next");

        Assert.Equal("AG1 open — Room A", opened.GetProperty("title").GetString());
        Assert.Equal(expected, GcmBotApp.Labels(queue));
        Assert.Equal(["main", "main", "main", "stakeholders", "stakeholders"],
            queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("segment").GetString()));
        Assert.Equal(expected.Select(name => $"AG1: {name} has the floor"), floor);
        Assert.Equal("Nobody is waiting for the floor in AG1.", empty.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Card_FormSubmitted_ListedByCards()
    {
        await using var app = new GcmBotApp();
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        var mexico = await app.IdentityAsync("Mexico delegate", "Mexico", "delegate");
        await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");

        var saved = await app.SubmitAsync(mexico, GcmBotApp.RoomA, "card", new Dictionary<string, string>
        {
            ["recommendation"] = "Expand regular pathways for migrant workers",
            ["means"] = "Bilateral labour agreements",
            ["partnerships"] = "ILO, employers",
        });
        var cards = await app.SendAsync(mexico, GcmBotApp.RoomA, "/cards");

        Assert.False(saved.GetProperty("isError").GetBoolean(), saved.ToString());
        Assert.Contains("saved for AG1", saved.GetProperty("text").GetString(), StringComparison.Ordinal);
        var item = Assert.Single(cards.GetProperty("items").EnumerateArray());
        Assert.Equal("Expand regular pathways for migrant workers", item.GetProperty("label").GetString());
        Assert.Equal("Mexico · means: Bilateral labour agreements · partnerships: ILO, employers", item.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AgendaNow_DuringActionGroups_ListsAg1ToAg3()
    {
        await using var app = new GcmBotApp(GcmBotApp.DuringActionGroups);
        var delegate_ = await app.IdentityAsync("Ana", "Mexico", "delegate");

        var agenda = await app.SendAsync(delegate_, GcmBotApp.RoomA, "/agenda now");

        Assert.Equal("Now (10:50)", agenda.GetProperty("title").GetString());
        var codes = agenda.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("detail").GetString()![..3]).ToList();
        Assert.Equal(["AG1", "AG2", "AG3"], codes);
    }

    [Fact]
    public async Task AgendaNow_ClockAdvancedToLunch_ListsNextSessions()
    {
        await using var app = new GcmBotApp(GcmBotApp.DuringActionGroups);
        var delegate_ = await app.IdentityAsync("Ana", "Mexico", "delegate");
        app.Clock.Advance(TimeSpan.FromHours(3));

        var agenda = await app.SendAsync(delegate_, GcmBotApp.RoomA, "/agenda now");

        Assert.Equal("Now (13:50)", agenda.GetProperty("title").GetString());
        Assert.Equal(["D2-LUNCH"], agenda.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("detail").GetString()!.Split(' ')[0]));
    }

    [Theory]
    [InlineData("/speek", "speak")]
    [InlineData("/agenad now", "agenda")]
    [InlineData("/qeue", "queue")]
    public async Task PostCommand_UnknownCommand_PoliteErrorSuggestingClosest(string text, string suggestion)
    {
        await using var app = new GcmBotApp();
        var token = await app.IdentityAsync("Ana", "Mexico", "delegate");

        var reply = await app.SendAsync(token, GcmBotApp.RoomA, text);

        Assert.True(reply.GetProperty("isError").GetBoolean());
        Assert.Contains($"Did you mean `{suggestion}`?", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Type `help`", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainMessage_SessionOpen_CapturedAsContribution()
    {
        await using var app = new GcmBotApp();
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        var mexico = await app.IdentityAsync("Mexico delegate", "Mexico", "delegate");
        await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");
        var session = await app.SessionAsync("AG1");

        var messageId = await SayAsync(app, mexico, "We support regular pathways.");
        var captured = await app.QueryAsync((data, ct) => data.FindContributionAsync("web", messageId, ct));

        Assert.NotNull(captured);
        Assert.Equal(session.Id, captured.SessionId);
        Assert.Equal("We support regular pathways.", captured.Text);
        Assert.Equal(GcmBotApp.RoomA, captured.ConversationId);
        Assert.Equal("Mexico delegate", captured.AuthorName);
        Assert.NotNull(captured.DelegationId);
        Assert.Equal(GcmBotApp.DuringActionGroups, captured.At);
    }

    [Fact]
    public async Task PlainMessage_NoSessionOpen_NotCapturedAndAuthorTold()
    {
        await using var app = new GcmBotApp();
        var mexico = await app.IdentityAsync("Mexico delegate", "Mexico", "delegate");

        var messageId = await SayAsync(app, mexico, "Good morning.");
        var reply = await app.SendAsync(mexico, GcmBotApp.RoomA, "Good morning again.");
        var captured = await app.QueryAsync((data, ct) => data.FindContributionAsync("web", messageId, ct));

        Assert.Null(captured);
        Assert.Equal("private", reply.GetProperty("visibility").GetString());
        Assert.StartsWith("No session is open here yet, so this was not recorded", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> SayAsync(GcmBotApp app, string token, string text)
    {
        using var response = await app.PostCommandAsync(token, new { conversation = GcmBotApp.RoomA, text });
        var body = await GcmBotApp.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var said = body.GetProperty("messages")[0];
        Assert.Equal(text, said.GetProperty("text").GetString());
        return said.GetProperty("id").GetString()!;
    }

}
