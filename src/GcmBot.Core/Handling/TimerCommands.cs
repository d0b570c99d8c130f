using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Core.Speaking;

namespace GcmBot.Core.Handling;

internal static class TimerCommands
{
    /// <summary>(Re)starts the timer of whoever holds the floor: the duration given, or their allotted time, from now.</summary>
    public static async Task<CommandResult> StartAsync(CommandContext context)
    {
        var (session, intervention) = await CurrentAsync(context);
        var restarted = intervention.TimerState is TimerState.Running or TimerState.Paused or TimerState.Expired;
        SpeakingTimer.Start(intervention, context.Now, Bounded(context, "duration", context.Rules.MaxTimer, "Staff.Timer.Bound.Timer"));
        return await ChangedAsync(context, session, intervention, texts => texts.Format(restarted ? "Timer.Restarted" : "Timer.Started"));
    }

    public static async Task<CommandResult> PauseAsync(CommandContext context)
    {
        var (session, intervention) = await CurrentAsync(context);
        if (intervention.TimerState != TimerState.Running)
        {
            throw new CommandException(context.T("Staff.Timer.NotRunning"));
        }

        SpeakingTimer.Pause(intervention, context.Now);
        return await ChangedAsync(context, session, intervention, texts => texts.Format("Timer.Paused"));
    }

    public static async Task<CommandResult> ResumeAsync(CommandContext context)
    {
        var (session, intervention) = await CurrentAsync(context);
        if (intervention.TimerState != TimerState.Paused)
        {
            throw new CommandException(context.T("Staff.Timer.NotPaused"));
        }

        SpeakingTimer.Resume(intervention, context.Now);
        return await ChangedAsync(context, session, intervention, texts => texts.Format("Timer.Resumed"));
    }

    public static async Task<CommandResult> ExtendAsync(CommandContext context)
    {
        var (session, intervention) = await CurrentAsync(context);
        if (intervention.TimerState == TimerState.Stopped)
        {
            throw new CommandException(context.T("Staff.Timer.Ended"));
        }

        var extra = Bounded(context, "duration", context.Rules.MaxTimer, "Staff.Timer.Bound.Extension")!.Value;
        SpeakingTimer.Extend(intervention, context.Now, extra);
        return await ChangedAsync(context, session, intervention, texts => texts.Format("Timer.Added", texts.Duration(extra)));
    }

    public static async Task<CommandResult> StopAsync(CommandContext context)
    {
        var (session, intervention) = await CurrentAsync(context);
        await EndAsync(context, intervention);
        session.CurrentInterventionId = null;
        var speaker = await SpeakerAsync(context, intervention);
        Reply Stopped(Texts texts) => new(texts.Format("Timer.Spoke", speaker, texts.Duration(Round(intervention.Actual!.Value)), texts.Duration(intervention.Allotted)))
        {
            Title = texts.Format("Timer.StoppedTitle", session.Code),
        };
        return CommandResult.Of(Stopped(context.Texts), Announcement.Localised(session.Id, Stopped));
    }

    public static async Task<CommandResult> FloorAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        await ChairCommands.EndCurrentAsync(context, session);
        var (kind, allotted, who) = context.Command["role"] switch
        {
            "opening" => (InterventionKind.Opening, context.Rules.Opening, context.T("Timer.Who.Opening")),
            "closing" => (InterventionKind.Closing, context.Rules.Closing, context.T("Timer.Who.Closing")),
            "rapporteur" => (InterventionKind.Rapporteur, context.Rules.Closing, context.T("Timer.Who.Rapporteur")),
            _ => (InterventionKind.Panellist, context.Rules.Panellist, context.T("Timer.Who.Panellist")),
        };
        var intervention = new Intervention
        {
            SessionId = session.Id,
            Kind = kind,
            Segment = session.CurrentSegment,
            StartedAt = context.Now,
            AllottedSeconds = (int)allotted.TotalSeconds,
            SpeakerName = context.Command["name"] ?? who,
        };
        context.Data.Add(intervention);
        await context.Data.FlushAsync(context.CancellationToken);
        session.CurrentInterventionId = intervention.Id;
        SpeakingTimer.Start(intervention, context.Now);
        return await ChangedAsync(context, session, intervention, texts => texts.Format("Timer.HasFloor", intervention.SpeakerName));
    }

    public static async Task<CommandResult> AllowanceAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        var delegation = await context.FindDelegationAsync(context.Command["delegation"]!);
        var duration = Bounded(context, "duration", context.Rules.MaxAllowance, "Staff.Timer.Bound.Allowance")!.Value;
        var allowance = (await context.Data.GetAllowancesAsync(session.Id, context.CancellationToken)).FirstOrDefault(a => a.DelegationId == delegation.Id);
        if (allowance is null)
        {
            context.Data.Add(new Allowance { SessionId = session.Id, DelegationId = delegation.Id, Seconds = (int)duration.TotalSeconds });
        }
        else
        {
            allowance.Seconds = (int)duration.TotalSeconds;
        }

        return CommandResult.Of(new Reply(context.T("Staff.Timer.Allowance", delegation.Name, context.Texts.Duration(duration), session.Code)));
    }

    /// <summary>Starts the timer of a new intervention and schedules its warning and expiry.</summary>
    public static void StartFor(CommandContext context, Session session, Intervention intervention)
    {
        SpeakingTimer.Start(intervention, context.Now);
        ScheduleDue(context, session, intervention);
    }

    /// <summary>Ends an intervention: timer stopped, duration recorded, pending warning/expiry cancelled.</summary>
    public static async Task EndAsync(CommandContext context, Intervention intervention)
    {
        SpeakingTimer.Stop(intervention, context.Now);
        await context.CancelNoticesAsync(intervention.SessionId, intervention.Id);
    }

    public static async Task<string> SpeakerAsync(CommandContext context, Intervention intervention) =>
        intervention.DelegationId is { } id
            ? (await context.Data.GetDelegationAsync(id, context.CancellationToken))!.Name
            : intervention.SpeakerName ?? context.T("Display.Speaker");

    /// <param name="what">What happened, in a given language: the room hears it in its own, the moderator in theirs.</param>
    private static async Task<CommandResult> ChangedAsync(CommandContext context, Session session, Intervention intervention, Func<Texts, string> what)
    {
        await context.CancelNoticesAsync(session.Id, intervention.Id);
        ScheduleDue(context, session, intervention);
        var speaker = await SpeakerAsync(context, intervention);
        Reply Changed(Texts texts) => new(texts.Format("Timer.Changed", what(texts), speaker, Describe(context, texts, intervention)))
        {
            Title = texts.Format("Timer.Title", session.Code),
            Deadline = intervention.TimerState == TimerState.Running ? intervention.Deadline : null,
        };
        var reply = Changed(context.Texts) with
        {
            Actions = intervention.TimerState == TimerState.Running
                ? [new ReplyAction(context.T("Action.Pause"), "/timer pause"), new ReplyAction(context.T("Action.ExtendMinute"), "/timer extend 1m"), new ReplyAction(context.T("Action.Next"), "/next", ActionStyle.Primary)]
                : [new ReplyAction(context.T("Action.Resume"), "/timer resume", ActionStyle.Primary), new ReplyAction(context.T("Action.Next"), "/next")],
        };
        return CommandResult.Of(reply, Announcement.Localised(session.Id, Changed));
    }

    private static void ScheduleDue(CommandContext context, Session session, Intervention intervention)
    {
        foreach (var (kind, dueAt) in SpeakingTimer.Due(intervention, context.Now, context.Reminders.TimerWarning))
        {
            context.Schedule(kind, dueAt, session.Id, interventionId: intervention.Id);
        }
    }

    private static string Describe(CommandContext context, Texts texts, Intervention intervention) => intervention.TimerState switch
    {
        TimerState.Running => texts.Format("Timer.Left", texts.Duration(Round(SpeakingTimer.Remaining(intervention, context.Now))), context.Local(intervention.Deadline!.Value, texts, "HH:mm:ss")),
        TimerState.Paused => texts.Format("Timer.PausedWith", texts.Duration(Round(SpeakingTimer.Remaining(intervention, context.Now)))),
        TimerState.Expired => texts.Format("Timer.TimeUp"),
        _ => texts.Format("Timer.NotTimed"),
    };

    /// <summary>A duration argument within the meeting's bounds; outside them, a refusal that names the bound.</summary>
    /// <param name="what">The key of what is bounded (a speaking timer, an extension, an allowance).</param>
    private static TimeSpan? Bounded(CommandContext context, string argument, TimeSpan max, string what)
    {
        var value = context.Command.Duration(argument);
        return value is { } duration && (duration <= TimeSpan.Zero || duration > max)
            ? throw new CommandException(context.T("Staff.Timer.Bound", context.T(what), context.Texts.Duration(max), context.Texts.Duration(duration)))
            : value;
    }

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromSeconds(Math.Max(0, Math.Round(value.TotalSeconds)));

    private static async Task<(Session Session, Intervention Intervention)> CurrentAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        var intervention = session.CurrentInterventionId is { } id
            ? await context.Data.GetInterventionAsync(id, context.CancellationToken)
            : null;
        return intervention is null || intervention.EndedAt is not null
            ? throw new CommandException(context.T("Staff.Timer.NobodyHasFloor"))
            : (session, intervention);
    }
}
