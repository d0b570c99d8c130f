using GcmBot.Core.Commands;
using GcmBot.Core.Domain;
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
        SpeakingTimer.Start(intervention, context.Now, Bounded(context, "duration", context.Rules.MaxTimer, "A speaking timer"));
        return await ChangedAsync(context, session, intervention, restarted ? "Timer restarted" : "Timer started");
    }

    public static async Task<CommandResult> PauseAsync(CommandContext context)
    {
        var (session, intervention) = await CurrentAsync(context);
        if (intervention.TimerState != TimerState.Running)
        {
            throw new CommandException("The timer is not running.");
        }

        SpeakingTimer.Pause(intervention, context.Now);
        return await ChangedAsync(context, session, intervention, "Timer paused");
    }

    public static async Task<CommandResult> ResumeAsync(CommandContext context)
    {
        var (session, intervention) = await CurrentAsync(context);
        if (intervention.TimerState != TimerState.Paused)
        {
            throw new CommandException("The timer is not paused.");
        }

        SpeakingTimer.Resume(intervention, context.Now);
        return await ChangedAsync(context, session, intervention, "Timer resumed");
    }

    public static async Task<CommandResult> ExtendAsync(CommandContext context)
    {
        var (session, intervention) = await CurrentAsync(context);
        if (intervention.TimerState == TimerState.Stopped)
        {
            throw new CommandException("This intervention has ended. `next` gives the floor to the next speaker.");
        }

        var extra = Bounded(context, "duration", context.Rules.MaxTimer, "An extension")!.Value;
        SpeakingTimer.Extend(intervention, context.Now, extra);
        return await ChangedAsync(context, session, intervention, $"{DurationParser.Format(extra)} added");
    }

    public static async Task<CommandResult> StopAsync(CommandContext context)
    {
        var (session, intervention) = await CurrentAsync(context);
        await EndAsync(context, intervention);
        session.CurrentInterventionId = null;
        var reply = new Reply($"{await SpeakerAsync(context, intervention)} spoke for {DurationParser.Format(Round(intervention.Actual!.Value))} of {DurationParser.Format(intervention.Allotted)}.")
        {
            Title = $"{session.Code}: timer stopped",
        };
        return CommandResult.Of(reply, new Announcement(session.Id, reply));
    }

    public static async Task<CommandResult> FloorAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        await ChairCommands.EndCurrentAsync(context, session);
        var (kind, allotted, who) = context.Command["role"] switch
        {
            "opening" => (InterventionKind.Opening, context.Rules.Opening, "The moderator (opening statement)"),
            "closing" => (InterventionKind.Closing, context.Rules.Closing, "The moderator (closing remarks)"),
            "rapporteur" => (InterventionKind.Rapporteur, context.Rules.Closing, "The rapporteur"),
            _ => (InterventionKind.Panellist, context.Rules.Panellist, "A panellist"),
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
        return await ChangedAsync(context, session, intervention, $"{intervention.SpeakerName} has the floor");
    }

    public static async Task<CommandResult> AllowanceAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        var delegation = await context.FindDelegationAsync(context.Command["delegation"]!);
        var duration = Bounded(context, "duration", context.Rules.MaxAllowance, "A speaking allowance")!.Value;
        var allowance = (await context.Data.GetAllowancesAsync(session.Id, context.CancellationToken)).FirstOrDefault(a => a.DelegationId == delegation.Id);
        if (allowance is null)
        {
            context.Data.Add(new Allowance { SessionId = session.Id, DelegationId = delegation.Id, Seconds = (int)duration.TotalSeconds });
        }
        else
        {
            allowance.Seconds = (int)duration.TotalSeconds;
        }

        return CommandResult.Of(new Reply($"{delegation.Name} will have {DurationParser.Format(duration)} when it takes the floor in {session.Code}."));
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
            : intervention.SpeakerName ?? "The speaker";

    private static async Task<CommandResult> ChangedAsync(CommandContext context, Session session, Intervention intervention, string what)
    {
        await context.CancelNoticesAsync(session.Id, intervention.Id);
        ScheduleDue(context, session, intervention);
        var reply = new Reply($"{what}: {await SpeakerAsync(context, intervention)}, {Describe(context, intervention)}.")
        {
            Title = $"{session.Code}: speaking timer",
            Deadline = intervention.TimerState == TimerState.Running ? intervention.Deadline : null,
            Actions = intervention.TimerState == TimerState.Running
                ? [new ReplyAction("Pause", "/timer pause"), new ReplyAction("+1 min", "/timer extend 1m"), new ReplyAction("Next", "/next", ActionStyle.Primary)]
                : [new ReplyAction("Resume", "/timer resume", ActionStyle.Primary), new ReplyAction("Next", "/next")],
        };
        return CommandResult.Of(reply, new Announcement(session.Id, reply with { Actions = [] }));
    }

    private static void ScheduleDue(CommandContext context, Session session, Intervention intervention)
    {
        foreach (var (kind, dueAt) in SpeakingTimer.Due(intervention, context.Now, context.Reminders.TimerWarning))
        {
            context.Schedule(kind, dueAt, session.Id, interventionId: intervention.Id);
        }
    }

    private static string Describe(CommandContext context, Intervention intervention) => intervention.TimerState switch
    {
        TimerState.Running => $"{DurationParser.Format(Round(SpeakingTimer.Remaining(intervention, context.Now)))} left, until {context.Local(intervention.Deadline!.Value, "HH:mm:ss")}",
        TimerState.Paused => $"paused with {DurationParser.Format(Round(SpeakingTimer.Remaining(intervention, context.Now)))} left",
        TimerState.Expired => "time is up",
        _ => "not timed",
    };

    /// <summary>A duration argument within the meeting's bounds; outside them, a refusal that names the bound.</summary>
    private static TimeSpan? Bounded(CommandContext context, string argument, TimeSpan max, string what)
    {
        var value = context.Command.Duration(argument);
        return value is { } duration && (duration <= TimeSpan.Zero || duration > max)
            ? throw new CommandException($"{what} can be at most {DurationParser.Format(max)} (and more than zero), not {DurationParser.Format(duration)}. Nothing was changed.")
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
            ? throw new CommandException("Nobody has the floor. `next` gives it to the next speaker; `floor opening` starts your opening statement.")
            : (session, intervention);
    }
}
