using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace GcmBot.Teams.Tests;

/// <summary>
/// The published schemas outgoing activities are checked against: the Activity definition of the Bot
/// Framework Connector API (Swagger 2.0, <c>#/definitions</c> refs resolved) and Adaptive Card 1.5.
/// </summary>
public static class Schemas
{
    private static readonly Lazy<Task<JsonSchema>> _activity = new(LoadActivityAsync);
    private static readonly Lazy<Task<JsonSchema>> _card = new(() => JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "adaptive-card-1.5.json")));

    /// <summary>Fails the test with the schema errors when the activity (and its cards) do not conform.</summary>
    public static async Task AssertValidAsync(JsonElement activity)
    {
        var errors = (await _activity.Value).Validate(activity.GetRawText());
        Assert.True(errors.Count == 0, $"Activity does not match the Connector API schema: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{activity}");
        Assert.Equal("message", activity.GetProperty("type").GetString());
        if (activity.TryGetProperty("attachments", out var attachments))
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
                await AssertValidCardAsync(attachment.GetProperty("content"));
            }
        }
    }

    public static async Task AssertValidCardAsync(JsonElement card)
    {
        var errors = (await _card.Value).Validate(card.GetRawText());
        Assert.True(errors.Count == 0, $"Card does not match the Adaptive Card 1.5 schema: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{card}");
        Assert.Equal("1.5", card.GetProperty("version").GetString());
    }

    /// <summary>Checks a request body against another definition of the Connector API (e.g. ConversationParameters).</summary>
    public static async Task AssertMatchesAsync(string definition, JsonElement body)
    {
        var errors = (await DefinitionAsync(definition)).Validate(body.GetRawText());
        Assert.True(errors.Count == 0, $"Body does not match #/definitions/{definition}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{body}");
    }

    private static Task<JsonSchema> LoadActivityAsync() => DefinitionAsync("Activity");

    private static Task<JsonSchema> DefinitionAsync(string definition)
    {
        var swagger = JsonNode.Parse(File.ReadAllText(ConnectorApiPath()))!;
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-04/schema#",
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/" + definition }),
            ["definitions"] = swagger["definitions"]!.DeepClone(),
        };
        return JsonSchema.FromJsonAsync(schema.ToJsonString());
    }

    /// <summary>tests/reference/botframework-connector-api.json, copied next to the test assembly.</summary>
    public static string ConnectorApiPath() => Path.Combine(AppContext.BaseDirectory, "reference", "botframework-connector-api.json");
}
