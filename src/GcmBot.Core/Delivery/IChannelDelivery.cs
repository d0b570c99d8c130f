using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Delivery;

/// <summary>Posts a message into a bound conversation of one channel kind (web, discord, teams).</summary>
public interface IChannelDelivery
{
    string Channel { get; }

    Task SendAsync(ChannelBinding binding, Reply message, CancellationToken cancellationToken);

    /// <summary>A direct message to one person; false when the channel has none (the caller then mentions them).</summary>
    Task<bool> SendDirectAsync(Participant participant, Reply message, CancellationToken cancellationToken);
}
