using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Delivery;

/// <summary>Posts a message into a bound conversation of one channel kind (web, discord, teams).</summary>
public interface IChannelDelivery
{
    string Channel { get; }

    Task SendAsync(ChannelBinding binding, Reply message, CancellationToken cancellationToken);
}
