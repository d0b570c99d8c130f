using Microsoft.AspNetCore.SignalR;

namespace GcmBot.Web;

/// <summary>Pushes conversation messages to the browsers watching a room.</summary>
internal sealed class ChatHub : Hub
{
    private const string PrivatePrefix = "private:";

    public Task Join(string conversation) => Groups.AddToGroupAsync(Context.ConnectionId, Validate(conversation));

    /// <summary>
    /// The person's private messages (reminders): the group is named by the hash of their token, and only the token
    /// joins it, so nobody else can listen in.
    /// </summary>
    public Task JoinPrivate(string token) =>
        token is { Length: > 0 and <= 300 }
            ? Groups.AddToGroupAsync(Context.ConnectionId, PrivateGroup(WebIdentities.UserId(token)))
            : throw new HubException("Unknown user.");

    /// <summary>The group of one web participant, by the id stored as their external id.</summary>
    public static string PrivateGroup(string userId) => PrivatePrefix + userId;

    public Task Leave(string conversation) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Validate(conversation));

    private static string Validate(string conversation) =>
        conversation is { Length: > 0 and <= 300 } && !conversation.StartsWith(PrivatePrefix, StringComparison.Ordinal)
            ? conversation
            : throw new HubException("Unknown conversation.");
}
