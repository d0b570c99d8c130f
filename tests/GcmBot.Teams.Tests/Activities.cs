namespace GcmBot.Teams.Tests;

/// <summary>Activities as Teams sends them to a bot (shapes from the Bot Framework Connector API and Teams' docs).</summary>
public static class Activities
{
    public const string BotId = "28:gcmbot-app-id";
    public const string BotName = "GcmBot";
    public const string Tenant = "tenant-1";
    public const string ChannelConversation = "19:general@thread.tacv2";

    private static int _ids;

    public static string NewId() => Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    public static Dictionary<string, object?> Message(string serviceUrl, string userId, string userName, string text, string conversationId = "a:personal-chat", string conversationType = "personal", string? id = null, object? value = null, object[]? entities = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NewId(),
        ["timestamp"] = DateTimeOffset.UtcNow,
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new { id = userId, name = userName, aadObjectId = "aad-" + userId },
        ["conversation"] = new { id = conversationId, conversationType, tenantId = Tenant, isGroup = conversationType != "personal" },
        ["recipient"] = new { id = BotId, name = BotName },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["value"] = value,
        ["entities"] = entities,
        ["channelData"] = new { tenant = new { id = Tenant } },
    };

    /// <summary>A channel message that @mentions the bot, as Teams sends it.</summary>
    public static Dictionary<string, object?> Mention(string serviceUrl, string userId, string userName, string command, string conversationId = ChannelConversation, string? id = null) =>
        Message(serviceUrl, userId, userName, $"<at>{BotName}</at> {command}", conversationId + ";messageid=" + (id ?? NewId()), "channel", id,
            entities: [new { type = "mention", text = $"<at>{BotName}</at>", mentioned = new { id = BotId, name = BotName } }]);

    public static Dictionary<string, object?> With(this Dictionary<string, object?> activity, string key, object? value)
    {
        activity[key] = value;
        return activity;
    }
}
