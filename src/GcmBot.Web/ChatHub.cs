using Microsoft.AspNetCore.SignalR;

namespace GcmBot.Web;

/// <summary>Pushes conversation messages to the browsers watching a room.</summary>
internal sealed class ChatHub : Hub
{
    public Task Join(string conversation) => Groups.AddToGroupAsync(Context.ConnectionId, Validate(conversation));

    public Task Leave(string conversation) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Validate(conversation));

    private static string Validate(string conversation) =>
        conversation is { Length: > 0 and <= 300 } ? conversation : throw new HubException("Unknown conversation.");
}
