using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;
using Microsoft.AspNetCore.SignalR;

namespace GcmBot.Web;

internal sealed class WebDelivery : IChannelDelivery
{
    private readonly IHubContext<ChatHub> _hub;
    private readonly TimeProvider _time;

    public WebDelivery(IHubContext<ChatHub> hub, TimeProvider time)
    {
        _hub = hub;
        _time = time;
    }

    public string Channel => WebChannel.Name;

    public Task SendAsync(ChannelBinding binding, Reply message, CancellationToken cancellationToken) =>
        PushAsync(WebMessage.FromReply(binding.ConversationId, _time.GetUtcNow(), message), cancellationToken);

    /// <summary>The web chat has no private channel to a person: the caller mentions them in the room instead.</summary>
    public Task<bool> SendDirectAsync(Participant participant, Reply message, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task PushAsync(WebMessage message, CancellationToken cancellationToken) =>
        _hub.Clients.Group(message.Conversation).SendAsync("message", message, cancellationToken);
}
