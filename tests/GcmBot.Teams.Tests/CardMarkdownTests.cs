using System.Text.Json;
using GcmBot.Core.Replies;
using GcmBot.Teams.Cards;

namespace GcmBot.Teams.Tests;

/// <summary>Teams renders only part of Markdown: report cards are built from card elements, and no text carries inline code.</summary>
public sealed class CardMarkdownTests
{
    private const string Draft = """
        # Report of the action group

        | | |
        | --- | --- |
        | Action group | AG1 — Addressing drivers of migration |
        | Date and time | Tuesday 5 December 2017, 10:00–13:00 |
        | Room | Room A |

        ## Summary of discussions

        There was wide acknowledgment that climate change drives migration.

        ## Recommendation for actionable commitment 1

        **Recommendation:** Establish firewalls  
        *Sources: C1, K2*
        """;

    [Fact]
    public async Task Render_DraftReport_HeaderAsFactSetSectionsAsBoldTextBlocksNoPipesOrHashes()
    {
        var card = JsonSerializer.SerializeToElement(AdaptiveCardRenderer.Render(Reply.Private("The draft of AG1.\n\n" + Draft) with { Title = "Draft report of AG1" }, null));

        var body = card.GetProperty("body").EnumerateArray().ToList();
        var texts = body.Where(e => e.GetProperty("type").GetString() == "TextBlock").ToList();
        var facts = body.Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts").EnumerateArray()
            .Select(f => (f.GetProperty("title").GetString(), f.GetProperty("value").GetString())).ToList();
        Assert.Equal([("Action group", "AG1 — Addressing drivers of migration"), ("Date and time", "Tuesday 5 December 2017, 10:00–13:00"), ("Room", "Room A")], facts);
        Assert.All(texts, t => Assert.DoesNotContain("|", t.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.All(texts, t => Assert.False(t.GetProperty("text").GetString()!.TrimStart().StartsWith('#')));
        Assert.Contains(texts, t => t.GetProperty("text").GetString() == "Summary of discussions" && t.GetProperty("weight").GetString() == "Bolder");
        Assert.Contains(texts, t => t.GetProperty("text").GetString() == "Recommendation for actionable commitment 1" && t.GetProperty("weight").GetString() == "Bolder");
        await Schemas.AssertValidCardAsync(card);
    }

    [Fact]
    public void Render_InlineCode_QuotedWithoutBackticks()
    {
        var card = JsonSerializer.SerializeToElement(AdaptiveCardRenderer.Render(Reply.Private("`card edit 3` or `card withdraw 3` change it.") with { Title = "Card" }, null));

        Assert.Equal("“card edit 3” or “card withdraw 3” change it.", card.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.Equal("Type “help”.\n**Commands**", AdaptiveCardRenderer.EscapeMessage("Type `help`.\n## Commands"));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("whoami")]
    [InlineData("register Mexico")]
    [InlineData("card")]
    public async Task Message_RepliesWithCommandHints_NoBacktickAnywhere(string command)
    {
        await using var chat = await TeamsChat.StartAsync();

        var reply = await chat.SayPrivatelyAsync("29:mexico", "Delegate of Mexico", command);

        Assert.DoesNotContain("`", reply.AllText, StringComparison.Ordinal);
    }
}
