using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;
using GcmBot.Teams.Receiving;
using GcmBot.Teams.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Teams.Outbound;

/// <summary>
/// Proactive messages (announcements, timer notices, reminders) into bound Teams conversations, through
/// the conversation reference stored when the conversation was bound. Messages are queued, not sent inline.
/// </summary>
internal sealed partial class TeamsDelivery : IChannelDelivery
{
    private readonly OutboundQueue _queue;
    private readonly TeamsActivities _activities;
    private readonly TeamsPeople _people;
    private readonly Uri? _publicUrl;
    private readonly ILogger<TeamsDelivery> _logger;

    public TeamsDelivery(OutboundQueue queue, TeamsActivities activities, TeamsPeople people, IOptions<TeamsOptions> options, ILogger<TeamsDelivery> logger)
    {
        _queue = queue;
        _activities = activities;
        _people = people;
        _publicUrl = options.Value.PublicBase;
        _logger = logger;
    }

    public string Channel => TeamsConversation.Channel;

    public Task SendAsync(ChannelBinding binding, Reply message, CancellationToken cancellationToken)
    {
        if (ConversationReference.Parse(binding.Reference) is not { } target)
        {
            // Bound without a reference (e.g. by hand in the database): there is no address to post to.
            LogNoReference(_logger, binding.Id, binding.ConversationId);
            return Task.CompletedTask;
        }

        _queue.Enqueue(new OutboundMessage(target, _activities.Message(message, target, _publicUrl)));
        return Task.CompletedTask;
    }

    public Task<bool> SendDirectAsync(Participant participant, Reply message, CancellationToken cancellationToken)
    {
        if (_people.Find(participant.ExternalId) is not var (target, directTo))
        {
            return Task.FromResult(false);
        }

        _queue.Enqueue(new OutboundMessage(target, _activities.Message(message, target, _publicUrl)) { DirectTo = directTo });
        return Task.FromResult(true);
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Teams binding {BindingId} ({ConversationId}) has no conversation reference; bind the channel again from Teams")]
    private static partial void LogNoReference(ILogger logger, int bindingId, string conversationId);
}
