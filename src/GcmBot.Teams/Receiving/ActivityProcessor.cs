using GcmBot.Core.Capture;
using GcmBot.Core.Commands;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Teams.Cards;
using GcmBot.Teams.Outbound;
using GcmBot.Teams.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Teams.Receiving;

/// <summary>
/// Does what an accepted activity asks: runs commands (typed, with or without the bot's @mention, or from
/// a card), captures other channel messages as contributions, applies edits and deletions, welcomes.
/// </summary>
internal sealed partial class ActivityProcessor
{
    private readonly CommandService _commands;
    private readonly ContributionService _contributions;
    private readonly AnnouncementDispatcher _announcer;
    private readonly OutboundQueue _outbound;
    private readonly TeamsActivities _activities;
    private readonly TeamsPeople _people;
    private readonly HashSet<string> _organisers;
    private readonly ILogger<ActivityProcessor> _logger;

    public ActivityProcessor(
        CommandService commands,
        ContributionService contributions,
        AnnouncementDispatcher announcer,
        OutboundQueue outbound,
        TeamsActivities activities,
        TeamsPeople people,
        IOptions<TeamsOptions> options,
        ILogger<ActivityProcessor> logger)
    {
        _commands = commands;
        _contributions = contributions;
        _announcer = announcer;
        _outbound = outbound;
        _activities = activities;
        _people = people;
        _organisers = new HashSet<string>(options.Value.Organisers, StringComparer.OrdinalIgnoreCase);
        _logger = logger;
    }

    public async Task ProcessAsync(QueuedActivity item, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        _people.Remember(activity);
        switch (activity.Type?.ToLowerInvariant())
        {
            case "message":
                await OnMessageAsync(item, cancellationToken);
                break;
            case "invoke" when string.Equals(activity.Name, "adaptiveCard/action", StringComparison.OrdinalIgnoreCase):
                if (CardData.Read(activity.Value) is { } submit)
                {
                    await RunAsync(item, submit, cancellationToken);
                }

                break;
            case "conversationupdate":
                await WelcomeAsync(item, cancellationToken);
                break;
            case "messageupdate" when activity.Id is { Length: > 0 } id:
                await _contributions.EditAsync(TeamsConversation.Channel, id, MentionText.Strip(activity).Text, cancellationToken);
                break;
            case "messagedelete" when activity.Id is { Length: > 0 } id:
                await _contributions.DeleteAsync(TeamsConversation.Channel, id, cancellationToken);
                break;
            default:
                LogIgnored(_logger, activity.Type ?? "", activity.Name ?? "");
                break;
        }
    }

    private async Task OnMessageAsync(QueuedActivity item, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        if (CardData.Read(activity.Value) is { } submit)
        {
            await RunAsync(item, submit, cancellationToken);
            return;
        }

        var (text, mentionedBot) = MentionText.Strip(activity);
        var personal = TeamsConversation.IsPersonal(activity.Conversation!.ConversationType);

        // In channels and group chats the bot also reads ordinary conversation (resource-specific consent):
        // only what is addressed to it is a command; the rest is captured for the rapporteur.
        if (personal || mentionedBot || text.StartsWith('/'))
        {
            await RunAsync(item, new CardSubmit(text, null, null), cancellationToken);
        }
        else if (text.Length > 0 && activity.Id is { Length: > 0 } id)
        {
            var captured = await _contributions.CaptureAsync(TeamsConversation.Channel, TeamsConversation.Key(activity.Conversation.Id!), id, activity.From!.Id!, activity.From.Name ?? "", text, FirstRoles(activity.From), cancellationToken);
            if (captured.NotRecorded is { } why)
            {
                // Why it was not recorded concerns the author only: their personal chat, nothing in the channel.
                SendPrivately(item, Core.Replies.Reply.Private(why));
            }
        }
    }

    private async Task RunAsync(QueuedActivity item, CardSubmit submit, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        var key = TeamsConversation.Key(activity.Conversation!.Id!);
        var user = activity.From!;
        var inbound = new Inbound(TeamsConversation.Channel, key, user.Id!, user.Name ?? "")
        {
            Text = submit.Text,
            CommandName = submit.Form,
            Fields = submit.Fields,
            // Read-only commands change nothing, so a redelivery may run twice (the queue already drops recent
            // duplicates); not recording them keeps reads off the single writer.
            EventId = IsReadOnly(submit) ? null : EventId(key, activity.Id),
            Reference = ConversationReference.From(activity, key).Serialise(),
            Locale = activity.Locale,
            NewParticipantRoles = FirstRoles(user),
            DirectoryId = user.AadObjectId,
        };

        var result = await _commands.HandleAsync(inbound, cancellationToken);
        if (result is null)
        {
            LogRedelivery(_logger, activity.Id ?? "");
            return;
        }

        if (result.Reply.Visibility == Visibility.Private && !TeamsConversation.IsPersonal(activity.Conversation.ConversationType))
        {
            ReplyPrivately(item, result.Reply, await _commands.TextsForAsync(inbound, cancellationToken));
        }
        else
        {
            Reply(item, result.Reply, null);
        }

        await _announcer.DispatchAsync(result.Announcements, (TeamsConversation.Channel, key), cancellationToken);
    }

    private Roles FirstRoles(ChannelAccount user) =>
        _organisers.Contains(user.Id!) || (user.AadObjectId is { } aad && _organisers.Contains(aad)) ? Roles.Organiser : Roles.None;

    private static bool IsReadOnly(CardSubmit submit) =>
        (submit.Form is { } form ? CommandCatalogue.Find(form) : CommandParser.Parse(submit.Text ?? "").Command?.Definition) is { ReadOnly: true };

    /// <summary>Activity ids are unique within a conversation; stored ids are at most 200 characters.</summary>
    private static string? EventId(string conversation, string? activityId)
    {
        if (activityId is not { Length: > 0 })
        {
            return null;
        }

        var id = $"{conversation}|{activityId}";
        return id.Length <= 200 ? id : TokenHash.Of(id);
    }

    /// <summary>
    /// The bot's hello where it was added, and a welcome to people added, in the language of whoever added them: the
    /// activity's locale, else their stored choice, else the meeting's default.
    /// </summary>
    private async Task WelcomeAsync(QueuedActivity item, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        var added = activity.MembersAdded ?? [];
        var bot = activity.Recipient?.Id;
        var people = added.Where(m => m.Id != bot && m.Id is { Length: > 0 }).Select(m => m.Name ?? "").Where(n => n.Length > 0).ToList();
        var hello = added.Any(m => m.Id == bot);
        if (!hello && people.Count == 0)
        {
            return;
        }

        var key = activity.Conversation?.Id is { } id ? TeamsConversation.Key(id) : "";
        var texts = await _commands.TextsForAsync(new Inbound(TeamsConversation.Channel, key, activity.From?.Id ?? "", activity.From?.Name ?? "") { Locale = activity.Locale }, cancellationToken);
        if (hello)
        {
            var personal = TeamsConversation.IsPersonal(activity.Conversation?.ConversationType);
            Reply(item, new Reply(texts.Format(personal ? "Teams.WelcomePersonal" : "Teams.WelcomeChannel")) { Title = "GcmBot" }, null);
        }

        if (people.Count > 0)
        {
            Reply(item, new Reply(texts.Format("Teams.WelcomePeople", string.Join(", ", people))), null);
        }
    }

    /// <summary>
    /// An answer for one person asked for in a channel or group chat: into their personal chat with the bot
    /// (created through the connector, which returns the existing one if there is one), and only a short
    /// pointer where they asked.
    /// </summary>
    private void ReplyPrivately(QueuedActivity item, Reply reply, Texts texts) =>
        Reply(item, new Reply(texts.Format("Teams.PrivatePointer")), SendPrivately(item, reply));

    /// <summary>Into the person's personal chat with the bot; returns the person.</summary>
    private ChannelAccount SendPrivately(QueuedActivity item, Reply reply)
    {
        var activity = item.Activity;
        var user = new ChannelAccount(activity.From!.Id, activity.From.Name);
        var target = ConversationReference.From(activity, activity.Conversation!.Id!);
        _outbound.Enqueue(new OutboundMessage(target, _activities.Message(reply, target, item.Host)) { DirectTo = user });
        return user;
    }

    private void Reply(QueuedActivity item, Reply reply, ChannelAccount? mention)
    {
        var activity = item.Activity;
        var target = ConversationReference.From(activity, activity.Conversation!.Id!);
        _outbound.Enqueue(new OutboundMessage(target, _activities.Message(reply, target, item.Host, mention))
        {
            ReplyToId = activity.Type == "conversationUpdate" ? null : activity.Id,
        });
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Teams activity {Type} {Name} ignored")]
    private static partial void LogIgnored(ILogger logger, string type, string name);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Teams activity {ActivityId} was already processed; redelivery ignored")]
    private static partial void LogRedelivery(ILogger logger, string activityId);
}
