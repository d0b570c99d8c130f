using System.Text.Json;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace GcmBot.Web;

/// <summary>
/// Every message the web chat shows goes through here: written to the chat log (so a page that opens or reloads
/// gets it back), then pushed, to the room's group when it is public, to the person's own group when it is private.
/// </summary>
internal sealed partial class WebDelivery : IChannelDelivery
{
    private readonly IHubContext<ChatHub> _hub;
    private readonly IMeetingStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<WebDelivery> _logger;

    public WebDelivery(IHubContext<ChatHub> hub, IMeetingStore store, TimeProvider time, ILogger<WebDelivery> logger)
    {
        _hub = hub;
        _store = store;
        _time = time;
        _logger = logger;
    }

    public string Channel => WebChannel.Name;

    public Task SendAsync(ChannelBinding binding, Reply message, CancellationToken cancellationToken) =>
        PushAsync(WebMessage.FromReply(binding.ConversationId, _time.GetUtcNow(), message), cancellationToken);

    /// <summary>To the person's private messages: every page they have open, whatever room it shows.</summary>
    public async Task<bool> SendDirectAsync(Participant participant, Reply message, CancellationToken cancellationToken)
    {
        await PushPrivateAsync(participant.ExternalId, WebMessage.FromReply("", _time.GetUtcNow(), message with { Visibility = Visibility.Private }), cancellationToken);
        return true;
    }

    /// <summary>To everyone in the message's conversation.</summary>
    public async Task PushAsync(WebMessage message, CancellationToken cancellationToken)
    {
        await KeepAsync(message, null, cancellationToken);
        await _hub.Clients.Group(message.Conversation).SendAsync("message", message, cancellationToken);
    }

    /// <summary>To the pages of one person only (<paramref name="userId"/> is their stored external id).</summary>
    public async Task PushPrivateAsync(string userId, WebMessage message, CancellationToken cancellationToken)
    {
        await KeepAsync(message, userId, cancellationToken);
        await _hub.Clients.Group(ChatHub.PrivateGroup(userId)).SendAsync("message", message, cancellationToken);
    }

    /// <summary>A message that could not be kept is still shown live: history is a convenience, the live message is not.</summary>
    private async Task KeepAsync(WebMessage message, string? recipient, CancellationToken cancellationToken)
    {
        var entry = new ChatLogEntry
        {
            Channel = WebChannel.Name,
            ConversationId = message.Conversation,
            Recipient = recipient,
            At = message.At,
            Payload = JsonSerializer.Serialize(message, JsonSerializerOptions.Web),
        };
        try
        {
            await _store.ExecuteAsync((data, _) =>
            {
                data.Add(entry);
                return Task.FromResult(0);
            }, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogNotKept(_logger, failure, message.Conversation);
        }
    }

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "A web chat message for {Conversation} was shown but not kept in the chat log")]
    private static partial void LogNotKept(ILogger logger, Exception exception, string conversation);
}
