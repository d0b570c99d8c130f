using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;
using GcmBot.Discord.Rendering;
using GcmBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace GcmBot.Discord.Messages;

/// <summary>Proactive messages (timers, reminders, announcements) posted into bound channels or by DM.</summary>
internal sealed partial class DiscordDelivery : IChannelDelivery
{
    private readonly DiscordRest _rest;
    private readonly ILogger<DiscordDelivery> _logger;

    public DiscordDelivery(DiscordRest rest, ILogger<DiscordDelivery> logger)
    {
        _rest = rest;
        _logger = logger;
    }

    public string Channel => DiscordChannel.Name;

    /// <summary>The binding's reference is the channel id (stored by <c>bind</c>).</summary>
    public Task SendAsync(ChannelBinding binding, Reply message, CancellationToken cancellationToken)
    {
        var fitted = MessageRenderer.Fit(message);
        return _rest.SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", binding.Reference ?? binding.ConversationId),
            MessageRenderer.Render(fitted),
            fitted.Attachment,
            cancellationToken);
    }

    public Task<bool> SendDirectAsync(Participant participant, Reply message, CancellationToken cancellationToken) =>
        SendDirectAsync(participant.ExternalId, message, cancellationToken);

    /// <summary>
    /// False when Discord refuses (50007: the person does not accept DMs from server members; or a server
    /// error): the caller must not post the message publicly instead.
    /// </summary>
    public async Task<bool> SendDirectAsync(string userId, Reply message, CancellationToken cancellationToken)
    {
        try
        {
            var channel = await _rest.SendAsync(DiscordRoute.Create(HttpMethod.Post, "users/@me/channels"), new Wire.CreateDirectMessage(userId), null, cancellationToken);
            var channelId = channel!.Value.GetProperty("id").GetString()!;
            var fitted = MessageRenderer.Fit(message);
            await _rest.SendAsync(DiscordRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", channelId), MessageRenderer.Render(fitted), fitted.Attachment, cancellationToken);
            return true;
        }
        catch (DiscordRestException refused)
        {
            LogDirectRefused(_logger, refused.Status is { } status ? (int)status : 0);
            return false;
        }
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Discord refused a direct message ({Status}); the private answer was not posted publicly")]
    private static partial void LogDirectRefused(ILogger logger, int status);
}
