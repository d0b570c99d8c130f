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

    /// <summary>To the person's private messages: every page they have open, whatever room it shows.</summary>
    public async Task<bool> SendDirectAsync(Participant participant, Reply message, CancellationToken cancellationToken)
    {
        var personal = WebMessage.FromReply("", _time.GetUtcNow(), message with { Visibility = Visibility.Private });
        await _hub.Clients.Group(ChatHub.PrivateGroup(participant.ExternalId)).SendAsync("message", personal, cancellationToken);
        return true;
    }

    public Task PushAsync(WebMessage message, CancellationToken cancellationToken) =>
        _hub.Clients.Group(message.Conversation).SendAsync("message", message, cancellationToken);
}
