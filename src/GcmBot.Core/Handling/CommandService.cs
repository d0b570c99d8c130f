using GcmBot.Core.Commands;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Drafting;
using GcmBot.Core.Invitations;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Core.Speaking;
using GcmBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Core.Handling;

/// <summary>
/// The one entry point for every channel: parses, checks roles, runs the handler in a transaction and
/// returns a channel-neutral result. State the reply talks about is committed before the reply exists.
/// </summary>
public sealed partial class CommandService
{
    private readonly IMeetingStore _store;
    private readonly TimeProvider _time;
    private readonly SpeakingRules _rules;
    private readonly ReminderRules _reminders;
    private readonly INoticeScheduler? _scheduler;
    private readonly GcmMetrics? _metrics;
    private readonly IDisplayNotifier? _displays;
    private readonly IReportDrafter? _drafter;
    private readonly InvitationRules _invitations;
    private readonly ISignInLinks? _links;
    private readonly ILogger<CommandService> _logger;

    /// <param name="scheduler">Arms timers for new notices at once; without it they are picked up by the next sweep.</param>
    /// <param name="displays">Refreshes the room displays a committed command touched.</param>
    /// <param name="drafter">Drafts rapporteurs' reports; without it the <c>draft</c> commands say drafting is not set up.</param>
    /// <param name="links">Makes the web chat's sign-in links absolute; without it <c>invite</c> gives a link relative to the web chat.</param>
    public CommandService(
        IMeetingStore store,
        TimeProvider time,
        IOptions<SpeakingRules> rules,
        ILogger<CommandService> logger,
        IOptions<ReminderRules>? reminders = null,
        INoticeScheduler? scheduler = null,
        GcmMetrics? metrics = null,
        IDisplayNotifier? displays = null,
        IReportDrafter? drafter = null,
        IOptions<InvitationRules>? invitations = null,
        ISignInLinks? links = null)
    {
        _invitations = invitations?.Value ?? new InvitationRules();
        _links = links;
        _drafter = drafter;
        _store = store;
        _time = time;
        _rules = rules.Value;
        _reminders = reminders?.Value ?? new ReminderRules();
        _scheduler = scheduler;
        _metrics = metrics;
        _displays = displays;
        _logger = logger;
    }

    /// <summary>Runs a command. Returns null when the event was already processed (a redelivery).</summary>
    public async Task<CommandResult?> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var name = "unknown";
        var outcome = "failed";
        try
        {
            var parsed = inbound.CommandName is not null
                ? CommandParser.FromFields(inbound.CommandName, inbound.Fields ?? new Dictionary<string, string>())
                : CommandParser.Parse(inbound.Text ?? "");
            var command = parsed.Command ?? throw new CommandException(parsed.Error!.In(await ErrorTextsAsync(inbound, parsed.Error.Language, cancellationToken)));
            name = command.Definition.Name;

            // Reads skip the writer queue; a first contact (a participant to create) or an event id to record needs a write.
            if (command.Definition.ReadOnly && inbound.EventId is null
                && await _store.ReadAsync((data, ct) => RunAsync(data, inbound, command, new AfterCommit(), readOnly: true, ct), cancellationToken) is { } read)
            {
                outcome = "ok";
                return read;
            }

            var after = new AfterCommit();
            var result = await _store.ExecuteAsync((data, ct) => RunAsync(data, inbound, command, after, readOnly: false, ct), cancellationToken);
            AfterCommitted(after, inbound);

            if (after.Draft is { } job && result is not null)
            {
                // Outside the transaction: a model may take a while, and writers must not wait for it.
                var drafted = await _drafter!.DraftAsync(job.Input, cancellationToken);
                var saved = await _store.ExecuteAsync((data, ct) => DraftCommands.SaveAsync(data, job, drafted, _drafter, _links, _time.GetUtcNow(), ct), cancellationToken);
                outcome = "ok";
                return saved with { Author = result.Author };
            }

            outcome = "ok";
            return result;
        }
        catch (CommandException refusal)
        {
            outcome = "refused";
            return CommandResult.Of(Reply.Error(refusal.Message));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogCommandFailed(_logger, failure, inbound.Channel, inbound.CommandName ?? FirstWord(inbound.Text));
            return CommandResult.Of(Reply.FailedIn(Texts.For(inbound.Locale)));
        }
        finally
        {
            _metrics?.CommandHandled(name, inbound.Channel, outcome, _time.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// The person's language, else the one the command's name was typed in, the channel's locale (else the one it last
    /// reported: Discord's gateway messages carry none), the meeting's.
    /// </summary>
    private static Texts TextsFor(Participant? participant, Language typed, Inbound inbound, Meeting? meeting) =>
        // A command typed under a localised name (`/hablar`) speaks for the person's language as much as a locale.
        Texts.For(participant?.Language, typed == Language.English ? null : typed.Code, inbound.Locale ?? participant?.ChannelLanguage, meeting?.DefaultLanguage);

    /// <summary>
    /// Whether the channel reports a language for the person other than the one stored: a locale that is none of the
    /// six clears it, no locale at all leaves it as it is.
    /// </summary>
    private static bool ReportsNewLanguage(Participant participant, Inbound inbound, out string? reported)
    {
        reported = Language.FromTag(inbound.Locale)?.Code;
        return inbound.Locale is not null && participant.ChannelLanguage != reported;
    }

    /// <summary>
    /// The language a person's message is answered in (see docs/languages.md, "Whose language"), for what an adapter
    /// says in its own words about it: a note in place of a private answer, an answer to a redelivery, a welcome.
    /// </summary>
    public Task<Texts> TextsForAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var parsed = inbound.CommandName is not null ? null : CommandParser.Parse(inbound.Text ?? "");
        return ErrorTextsAsync(inbound, parsed?.Command?.Language ?? parsed?.Error?.Language ?? Language.English, cancellationToken);
    }

    /// <summary>Input the parser refused is explained in the language the command would have been answered in.</summary>
    private Task<Texts> ErrorTextsAsync(Inbound inbound, Language typed, CancellationToken cancellationToken) =>
        _store.ReadAsync(
            async (data, ct) => TextsFor(await data.FindParticipantAsync(inbound.Channel, inbound.UserId, ct), typed, inbound, await data.GetMeetingAsync(ct)),
            cancellationToken);

    /// <summary>
    /// Work that follows a commit is never reported as "nothing was changed": the change is saved. Notices left
    /// unarmed are pending in the database and the sweeps arm them; displays catch up with the next change.
    /// </summary>
    private void AfterCommitted(AfterCommit after, Inbound inbound)
    {
        try
        {
            if (after.Notices.Count > 0)
            {
                _scheduler?.Arm(after.Notices);
            }

            if (after.Rooms.Count > 0)
            {
                _displays?.RoomsChanged(after.Rooms);
            }
        }
        catch (Exception failure)
        {
            LogAfterCommitFailed(_logger, failure, inbound.Channel, inbound.CommandName ?? FirstWord(inbound.Text));
        }
    }

    /// <returns>The result; null for a redelivered event, or on the read path when a write is needed.</returns>
    private async Task<CommandResult?> RunAsync(IMeetingData data, Inbound inbound, ParsedCommand command, AfterCommit after, bool readOnly, CancellationToken ct)
    {
        after.Clear();
        if (!readOnly && inbound.EventId is not null && !await data.TryRecordEventAsync(inbound.Channel, inbound.EventId, _time.GetUtcNow(), ct))
        {
            return null;
        }

        var meeting = await data.GetMeetingAsync(ct)
            ?? throw new CommandException(Texts.For(inbound.Locale).Format("Error.NoMeeting"));
        var participant = readOnly
            ? await data.FindParticipantAsync(inbound.Channel, inbound.UserId, ct)
            : await ParticipantAsync(data, inbound, meeting, command.Language, ct);

        // A first contact, or a language the channel now reports differently, is stored: the write path does it.
        if (participant is null || (readOnly && ReportsNewLanguage(participant, inbound, out _)))
        {
            return null;
        }

        var context = new CommandContext
        {
            Data = data,
            Meeting = meeting,
            Participant = participant,
            Inbound = inbound,
            Command = command,
            Now = _time.GetUtcNow(),
            Texts = TextsFor(participant, command.Language, inbound, meeting),
            Rules = _rules,
            Reminders = _reminders,
            CancellationToken = ct,
            Binding = await data.GetBindingAsync(inbound.Channel, inbound.ConversationId, ct),
            Delegation = participant.DelegationId is { } id ? await data.GetDelegationAsync(id, ct) : null,
            Drafter = _drafter,
            Invitations = _invitations,
            Links = _links,
        };

        await AuthoriseAsync(context);
        var result = await CommandHandlers.RunAsync(context);
        foreach (var entry in context.ChangedEntries)
        {
            data.Update(entry);
        }

        after.Notices.AddRange(context.Scheduled);
        after.Rooms.AddRange(context.TouchedRooms);
        after.Draft = context.PendingDraft;
        return result with { Reply = result.Reply with { Language = context.Texts.Language.Code }, Author = new Author(participant.DisplayName, context.Delegation?.Name) };
    }

    private async Task<Participant> ParticipantAsync(IMeetingData data, Inbound inbound, Meeting meeting, Language typed, CancellationToken ct)
    {
        var participant = await data.FindParticipantAsync(inbound.Channel, inbound.UserId, ct);

        // The name is stored (new participant, or renamed on the platform): the names rule applies.
        var texts = TextsFor(participant, typed, inbound, meeting);
        if (ControlCharacters.InName(inbound.UserName, texts.Format("Control.YourName"), texts) is { } badName)
        {
            throw new CommandException(badName);
        }

        if (participant is null)
        {
            participant = new Participant
            {
                Channel = inbound.Channel,
                ExternalId = inbound.UserId,
                DisplayName = inbound.UserName,
                Roles = inbound.NewParticipantRoles,
                FirstSeenAt = _time.GetUtcNow(),
                ChannelLanguage = Language.FromTag(inbound.Locale)?.Code,
            };
            data.Add(participant);
            await data.FlushAsync(ct);
            return participant;
        }

        if (inbound.UserName.Length > 0 && participant.DisplayName != inbound.UserName)
        {
            participant.DisplayName = inbound.UserName;
        }

        // Compared first: the participant is tracked, so an unchanged language adds nothing to the command's save.
        if (ReportsNewLanguage(participant, inbound, out var reported))
        {
            participant.ChannelLanguage = reported;
        }

        return participant;
    }

    /// <summary>The role check for every command, in one place.</summary>
    private static async Task AuthoriseAsync(CommandContext context)
    {
        var definition = context.Command.Definition;
        var allowed = definition.Access switch
        {
            Access.Anyone => true,
            Access.Delegation => context.Delegation is not null || context.IsOrganiser,
            Access.Moderator => await context.ModeratesAsync(await context.TargetSessionAsync()),
            Access.Reporting => await context.ReportsOnAsync(await context.TargetSessionAsync()),
            Access.Officials => await context.IsOfficialAsync(),
            _ => context.IsOrganiser,
        };
        if (allowed)
        {
            return;
        }

        if (definition.Access == Access.Delegation && await MembershipCommands.PendingRefusalAsync(context) is { } pending)
        {
            throw new CommandException(pending);
        }

        throw new CommandException(context.T($"Access.{definition.Access}", definition.Name));
    }

    private static string FirstWord(string? text) => text?.Trim().Split(' ')[0] ?? "";

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Command {Command} from channel {Channel} failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, string channel, string command);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Command {Command} from channel {Channel} was saved, but what follows the commit failed")]
    private static partial void LogAfterCommitFailed(ILogger logger, Exception exception, string channel, string command);
}
