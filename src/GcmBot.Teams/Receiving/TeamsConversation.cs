namespace GcmBot.Teams.Receiving;

internal static class TeamsConversation
{
    public const string Channel = "teams";

    /// <summary>
    /// A channel's reply thread (<c>19:…@thread.tacv2;messageid=…</c>) belongs to the channel: bindings and
    /// captured contributions use the channel's id, and proactive posts to it start a new thread.
    /// </summary>
    public static string Key(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread >= 0 ? conversationId[..thread] : conversationId;
    }

    public static bool IsPersonal(string? conversationType) => string.Equals(conversationType, "personal", StringComparison.OrdinalIgnoreCase);
}
