using System.Text.Json;
using GcmBot.Core.Replies;
using GcmBot.Discord.Interactions;
using GcmBot.Discord.Rendering;
using GcmBot.Discord.Wire;

namespace GcmBot.Discord.Tests;

/// <summary>What the adapter sends, validated against Discord's OpenAPI description.</summary>
public sealed class RequestSchemaTests
{
    private static readonly Reply _rich = new Reply("The list: Member States first.")
    {
        Title = "AG1 — speakers list",
        Items = [new ListItem(1, "Mexico", "Member State, ~2 min"), new ListItem(2, "Migrant Forum in Asia", "stakeholder")],
        Facts = [new Fact("Estimated end", "11:58"), new Fact("Empty", "")],
        Actions = [new ReplyAction("Join list", "/speak", ActionStyle.Primary), new ReplyAction("Withdraw", "/withdraw", ActionStyle.Danger), new ReplyAction("Next", "/next"), new ReplyAction("Timer", "/timer start")],
        Deadline = new DateTimeOffset(2017, 12, 5, 16, 52, 0, TimeSpan.Zero),
    };

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType(), DiscordJson.Options);

    private static void AssertValid(string method, string path, object body)
    {
        var json = Json(body);
        var errors = OpenApi.Validate(method, path, json);
        Assert.True(errors.Count == 0, $"{method} {path}: {string.Join("; ", errors)}\n{json}");
    }

    [Fact]
    public void RegisterCommands_FromCatalogue_MatchesBulkOverwriteSchema()
    {
        var commands = SlashCommands.Build();
        AssertValid("PUT", "/applications/1/guilds/2/commands", commands);
        AssertValid("PUT", "/applications/1/commands", commands);
        Assert.Contains(commands, c => c.Name == "point-of-order");
        Assert.Contains(commands, c => c.Name == "session-open" && c.Options.Single().Autocomplete == true);
    }

    [Fact]
    public void ChannelMessage_RichReply_MatchesCreateMessageSchema()
    {
        var body = MessageRenderer.Render(_rich, replyTo: "123");
        AssertValid("POST", "/channels/1/messages", body);
        Assert.Contains("<t:1512492720:R>", body.Content, StringComparison.Ordinal);
        Assert.Empty(body.AllowedMentions.Parse);
    }

    [Fact]
    public void InteractionCallbacks_MessageModalAutocompleteDeferPong_MatchCallbackSchema()
    {
        const string callback = "/interactions/1/token/callback";
        AssertValid("POST", callback, new InteractionResponse(InteractionResponse.ChannelMessage, MessageRenderer.Render(_rich, ephemeral: true)));
        AssertValid("POST", callback, new InteractionResponse(InteractionResponse.DeferredChannelMessage, null));
        AssertValid("POST", callback, new InteractionResponse(InteractionResponse.AutocompleteResult, new AutocompleteData([new CommandChoice("AG1 — Human dimension", "AG1")])));
        var form = new ReplyForm("card", "Recommendation card", "Submit card",
            [new FormField("recommendation", "Recommendation for an actionable commitment", true, true, 1000), new FormField("means", "Means", true, false, 1000), new FormField("partnerships", "Partnerships", true, false, 1000)]);
        AssertValid("POST", callback, new InteractionResponse(InteractionResponse.Modal, MessageRenderer.Modal(form)));
    }

    [Fact]
    public void Webhooks_EditOriginalAndFollowUp_MatchSchemas()
    {
        AssertValid("PATCH", "/webhooks/1/token/messages/@original", MessageRenderer.Render(_rich));
        AssertValid("POST", "/webhooks/1/token", MessageRenderer.Render(Reply.Private("Only you can see this."), ephemeral: true));
        AssertValid("POST", "/users/@me/channels", new CreateDirectMessage("123"));
    }

    [Fact]
    public void Validator_InvalidBody_IsRejected()
    {
        // The validator must be able to fail: a button label over 80 characters, content over 2000, a command name over 32.
        var tooLong = MessageRenderer.Render(new Reply("x")) with
        {
            Components = [new Component(Component.ActionRow) { Components = [new Component(Component.Button) { Style = 1, CustomId = "a", Label = new string('b', 81) }] }],
        };
        Assert.NotEmpty(OpenApi.Validate("POST", "/channels/1/messages", Json(tooLong)));
        Assert.NotEmpty(OpenApi.Validate("POST", "/interactions/1/t/callback", Json(new InteractionResponse(4, new { content = new string('x', 2001) }))));
        Assert.NotEmpty(OpenApi.Validate("PUT", "/applications/1/commands", $$"""[{"name": "{{new string('a', 33)}}", "type": 1, "description": "x"}]"""));
    }
}
