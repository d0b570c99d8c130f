using GcmBot.Core.Data;
using Microsoft.AspNetCore.SignalR;

namespace GcmBot.Web;

/// <summary>
/// Pushes conversation messages to the browsers watching a room. A connection signs in with the identity token the
/// page keeps before it may join a room: an anonymous connection hears nothing.
/// </summary>
internal sealed class ChatHub : Hub
{
    private const string PrivatePrefix = "private:";
    private const string UserKey = "userId";

    private readonly IMeetingStore _store;

    public ChatHub(IMeetingStore store)
    {
        _store = store;
    }

    /// <summary>
    /// Proves who is listening, and joins the person's private messages: the group is named by the hash of their
    /// token, and only the token joins it, so nobody else can listen in.
    /// </summary>
    public async Task SignIn(string token)
    {
        var userId = token is { Length: > 0 and <= 200 } ? WebIdentities.UserId(token) : null;
        if (userId is null || await _store.ReadAsync((data, ct) => data.FindParticipantAsync(WebChannel.Name, userId, ct), Context.ConnectionAborted) is null)
        {
            throw new HubException("Unknown user: sign in to the web chat first.");
        }

        // A page that changes identity stops hearing the previous one's private messages.
        if (Context.Items.TryGetValue(UserKey, out var previous) && previous is string old && old != userId)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, PrivateGroup(old), Context.ConnectionAborted);
        }

        Context.Items[UserKey] = userId;
        await Groups.AddToGroupAsync(Context.ConnectionId, PrivateGroup(userId), Context.ConnectionAborted);
    }

    public Task Join(string conversation) =>
        Context.Items.ContainsKey(UserKey)
            ? Groups.AddToGroupAsync(Context.ConnectionId, Validate(conversation))
            : throw new HubException("Sign in to the web chat before joining a room.");

    /// <summary>The group of one web participant, by the id stored as their external id.</summary>
    public static string PrivateGroup(string userId) => PrivatePrefix + userId;

    public Task Leave(string conversation) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Validate(conversation));

    private static string Validate(string conversation) =>
        conversation is { Length: > 0 and <= 300 } && !conversation.StartsWith(PrivatePrefix, StringComparison.Ordinal)
            ? conversation
            : throw new HubException("Unknown conversation.");
}
