using System.Net;
using System.Text;
using GcmBot.Core.Replies;
using GcmBot.Teams.Auth;
using GcmBot.Teams.Outbound;
using GcmBot.Teams.Wire;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Teams.Tests;

/// <summary>
/// Long lists within Teams' message size limit, which the fake connector enforces as Teams does (413
/// MessageSizeTooBig over 40 KB counted in UTF-16): the rows that fit are shown, every row is in a
/// downloadable file, and a message still refused goes out shorter rather than not at all.
/// </summary>
public sealed class LimitsTests : IAsyncLifetime
{
    private static readonly Uri _host = new("https://gcmbot.example.org/");
    private readonly FakeTimeProvider _clock = new(TeamsHost.ActionGroupMorning);
    private FakeConnector _connector = null!;
    private TeamsFiles _files = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _files = new TeamsFiles(_clock);
    }

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public static TheoryData<string, int> Lists => new() { { "speakers", 200 }, { "cards", 300 } };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Send_LongList_AcceptedByTeamsWithEveryRowInTheDownload(string kind, int rows)
    {
        var reply = Long(kind, rows);
        var activity = new TeamsActivities(_files).Message(reply, Target(), _host);

        Assert.True(await Client().SendAsync(new OutboundMessage(Target(), activity), CancellationToken.None));

        var sent = _connector.All.Single();
        Assert.Equal(HttpStatusCode.Created, sent.Status);
        Assert.Contains($"of {rows}", sent.AllText, StringComparison.Ordinal);
        var link = new Uri(sent.Card!.Value.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.OpenUrl").GetProperty("url").GetString()!);
        Assert.StartsWith(_host.AbsoluteUri, link.AbsoluteUri, StringComparison.Ordinal);
        var file = Encoding.UTF8.GetString(_files.Find(link.Segments[^2].TrimEnd('/'))!.Content);
        Assert.All(reply.Items, i => Assert.Contains($"{i.Position}. **{i.Label}** — {i.Detail}", file, StringComparison.Ordinal));
        await Schemas.AssertValidAsync(sent.Body);
    }

    [Fact]
    public async Task Send_StillTooLarge_413ThenAShorterVersionIsDelivered()
    {
        // Unfitted: 300 card texts in one message, as the bot sent before.
        var huge = new Activity { Type = "message", From = new ChannelAccount(Activities.BotId, Activities.BotName), Summary = "Cards of AG1", Text = new string('x', 30_000) };

        Assert.True(await Client().SendAsync(new OutboundMessage(Target(), huge), CancellationToken.None));

        Assert.Equal([HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.Created], _connector.All.Select(c => c.Status));
        Assert.Contains("Cards of AG1: the answer is too large", _connector.All.Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_StillTooLargeInFrench_TheShorterVersionIsInFrench()
    {
        var huge = new Activity { Type = "message", From = new ChannelAccount(Activities.BotId, Activities.BotName), Summary = "Fiches de AG1", Text = new string('x', 30_000), Locale = "fr" };

        Assert.True(await Client().SendAsync(new OutboundMessage(Target(), huge), CancellationToken.None));

        Assert.Equal([HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.Created], _connector.All.Select(c => c.Status));
        Assert.Equal("Fiches de AG1 : la réponse est trop longue pour un message Teams. Demandez-moi une liste plus courte dans une conversation privée.", _connector.All.Last().Text);
    }

    [Fact]
    public async Task Message_LongFrenchListInTwoSegments_HeadingsNoteAndDownloadInFrench()
    {
        var english = Long("speakers", 200);
        var reply = english with
        {
            Language = "fr",
            Items = [.. english.Items.Select(i => i with { Segment = i.Position <= 5 ? Core.Domain.Segment.Main : Core.Domain.Segment.Stakeholders })],
        };

        var activity = new TeamsActivities(_files).Message(reply, Target(), _host);
        Assert.True(await Client().SendAsync(new OutboundMessage(Target(), activity), CancellationToken.None));

        var sent = _connector.All.Single();
        Assert.Equal("fr", activity.Locale);
        Assert.Contains("Liste principale", sent.AllText, StringComparison.Ordinal);
        Assert.Contains("Parties prenantes", sent.AllText, StringComparison.Ordinal);
        Assert.Matches(@"\d+ sur 200 affichés ; la liste complète figure dans ", sent.AllText);
        Assert.DoesNotContain("Showing", sent.AllText, StringComparison.Ordinal);
        var download = sent.Card!.Value.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.OpenUrl");
        Assert.StartsWith("Télécharger ", download.GetProperty("title").GetString(), StringComparison.Ordinal);
        await Schemas.AssertValidAsync(sent.Body);
    }

    [Fact]
    public void Message_ShortReply_NoFileOffered()
    {
        var activity = new TeamsActivities(_files).Message(Long("speakers", 5), Target(), _host);

        Assert.DoesNotContain("Action.OpenUrl", System.Text.Json.JsonSerializer.Serialize(activity.Attachments![0].Content), StringComparison.Ordinal);
    }

    private ConversationReference Target() => new(_connector.ServiceUrl, "a:one", "tenant-1", Activities.BotId, Activities.BotName, "personal");

    private ConnectorClient Client()
    {
        var options = Options.Create(new TeamsOptions());
        var http = new LoopbackHttpClients();
        return new ConnectorClient(http, new BotTokenProvider(options, http), new ConnectorPacer(_clock, options), new ServiceUrlTrust(options), _clock, options, NullLogger<ConnectorClient>.Instance);
    }

    /// <summary>Rows shaped like the speakers list (delegation, category, time) or the cards (recommendation text).</summary>
    private static Reply Long(string kind, int rows) => new Reply("")
    {
        Title = kind == "cards" ? "Cards of AG1" : "Speakers list of AG1",
        Facts = [new Fact("Session", "AG1 — Addressing drivers of migration")],
        Items = [.. Enumerable.Range(1, rows).Select(i => kind == "cards"
            ? new ListItem(i, $"#{i} Delegation {i}", $"Establish firewalls between immigration enforcement and public services, number {i}; means: national legislation and guidance to service providers; partnerships: local authorities, civil society.")
            : new ListItem(i, $"Delegation number {i}", "Member State · asked 10:4" + (i % 10)))],
        Actions = [new ReplyAction("Join list", "speak", ActionStyle.Primary)],
    };
}
