using System.Text.Json;

namespace GcmBot.Teams.Wire;

/// <summary>
/// What GcmBot keeps to post into a conversation later (stored as <c>ChannelBinding.Reference</c>):
/// the connector's address, the conversation and the bot's own account there.
/// </summary>
internal sealed record ConversationReference(string ServiceUrl, string ConversationId, string? TenantId, string? BotId, string? BotName, string? ConversationType)
{
    public static ConversationReference From(Activity activity, string conversationId) => new(
        activity.ServiceUrl ?? "",
        conversationId,
        activity.Conversation?.TenantId ?? TenantOf(activity),
        activity.Recipient?.Id,
        activity.Recipient?.Name,
        activity.Conversation?.ConversationType);

    public string Serialise() => JsonSerializer.Serialize(this, TeamsJson.Options);

    public static ConversationReference? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var reference = JsonSerializer.Deserialize<ConversationReference>(json, TeamsJson.Options);
            return reference is { ServiceUrl.Length: > 0, ConversationId.Length: > 0 } ? reference : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Teams puts the tenant in <c>channelData.tenant.id</c>.</summary>
    public static string? TenantOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
