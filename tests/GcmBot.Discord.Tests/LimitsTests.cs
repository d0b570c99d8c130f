using System.Text;
using GcmBot.Core.Replies;
using GcmBot.Discord.Rendering;
using GcmBot.Discord.Rest;
using GcmBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Tests;

/// <summary>
/// Long lists within Discord's message limits, which the fake enforces as Discord does (400, 50035): the rows
/// that fit are shown and every row is in the attached file, so nothing is lost.
/// </summary>
public sealed class LimitsTests : IAsyncLifetime
{
    private readonly WatchedClock _clock = new(GatewayRig.Start);
    private FakeDiscord _fake = null!;
    private DiscordRest _rest = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync(_clock);
        _rest = new DiscordRest(new HttpClient { BaseAddress = _fake.ApiBase }, Options.Create(new DiscordOptions { Token = GatewayRig.Token, ApiBaseUrl = _fake.ApiBase }), _clock, NullLogger<DiscordRest>.Instance);
    }

    public static TheoryData<string, int> Lists => new() { { "speakers", 200 }, { "cards", 300 } };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Send_LongList_AcceptedByDiscordWithEveryRowInTheFile(string kind, int rows)
    {
        var reply = Long(kind, rows);

        var fitted = MessageRenderer.Fit(reply);
        await _rest.SendAsync(DiscordRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", "10"), MessageRenderer.Render(fitted), fitted.Attachment, CancellationToken.None);

        var sent = _fake.Requests.Items.Single();
        Assert.Single(sent.FileNames);
        Assert.Contains($"of {rows}", sent.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        var file = Encoding.UTF8.GetString(fitted.Attachment!.Content);
        Assert.All(reply.Items, i => Assert.Contains($"{i.Position}. **{i.Label}** — {i.Detail}", file, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_DraftOfA300CardSession_AcceptedWithItsDocxAndActions()
    {
        // Shaped like the draft reply: header facts, a summary at its 1,800-character budget, 300 recommendations.
        var docx = new Attachment("draft-AG1.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]);
        var draft = Long("cards", 300) with
        {
            Title = "Draft report of AG1 (not published)",
            Text = "Draft saved.\n\nSummary of discussions\n" + string.Concat(Enumerable.Repeat("Delegations stressed regular pathways for migrant workers. ", 30))[..1750],
            Facts = [new Fact("Date and time", "5 December 2017, 10:00–13:00"), new Fact("Room", "Room A"), new Fact("Moderator", "Marit Maij"), new Fact("Rapporteur", "Ana López"), new Fact("Drafter", "extractive"), new Fact("Status", "as drafted")],
            Attachment = docx,
            Actions = [new ReplyAction("Publish", "draft publish for AG1", ActionStyle.Primary), new ReplyAction("Markdown", "draft export md for AG1"), new ReplyAction("Edit", "draft edit")],
        };

        var fitted = MessageRenderer.Fit(draft);
        await _rest.SendAsync(DiscordRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", "10"), MessageRenderer.Render(fitted), fitted.Attachment, CancellationToken.None);

        var sent = _fake.Requests.Items.Single();
        Assert.Equal(200, sent.Status);
        Assert.Equal(["files[0]:draft-AG1.docx"], sent.FileNames);
        Assert.Contains("of 300", sent.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, sent.Json.GetProperty("components")[0].GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task Send_OverDiscordsLimits_FakeRefusesWith50035()
    {
        var refused = await Assert.ThrowsAsync<DiscordRestException>(() => _rest.SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", "10"), new { content = new string('x', 2001), allowed_mentions = new { parse = Array.Empty<string>() } }, null, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("50035", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ShortReply_Unchanged()
    {
        var reply = Long("speakers", 5);

        Assert.Same(reply, MessageRenderer.Fit(reply));
    }

    /// <summary>Rows shaped like the speakers list (delegation, category, time) or the cards (recommendation text).</summary>
    private static Reply Long(string kind, int rows) => new Reply("")
    {
        Title = kind == "cards" ? "Cards of AG1" : "Speakers list of AG1",
        Facts = [new Fact("Session", "AG1 — Addressing drivers of migration"), new Fact("Waiting", rows.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        Items = [.. Enumerable.Range(1, rows).Select(i => kind == "cards"
            ? new ListItem(i, $"#{i} Delegation {i}", $"Establish firewalls between immigration enforcement and public services, number {i}; means: national legislation and guidance to service providers; partnerships: local authorities, civil society.")
            : new ListItem(i, $"Delegation number {i}", "Member State · asked 10:4" + (i % 10)))],
    };

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _fake.DisposeAsync();
    }
}
