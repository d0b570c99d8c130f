using GcmBot.Core.Domain;

namespace GcmBot.Core.Speaking;

/// <summary>
/// Timer arithmetic on an intervention. Pure: the caller persists the intervention and replaces its
/// pending warning/expiry notices with <see cref="Due"/>.
/// </summary>
public static class SpeakingTimer
{
    /// <summary>Runs the timer from now for <paramref name="duration"/> (default: the allotted time); a running or paused timer starts again.</summary>
    public static void Start(Intervention intervention, DateTimeOffset now, TimeSpan? duration = null)
    {
        EndPause(intervention, now);

        if (duration is { } allotted)
        {
            intervention.AllottedSeconds = (int)allotted.TotalSeconds;
        }

        intervention.TimerState = TimerState.Running;
        intervention.Deadline = now + intervention.Allotted;
        intervention.PausedRemainingSeconds = null;
        intervention.PausedAt = null;
    }

    public static void Pause(Intervention intervention, DateTimeOffset now)
    {
        var remaining = intervention.Deadline!.Value - now;
        intervention.TimerState = TimerState.Paused;
        intervention.PausedRemainingSeconds = Math.Max(0, remaining.TotalSeconds);
        intervention.PausedAt = now;
        intervention.Deadline = null;
    }

    public static void Resume(Intervention intervention, DateTimeOffset now)
    {
        intervention.PausedTotalSeconds += (now - intervention.PausedAt!.Value).TotalSeconds;
        intervention.TimerState = TimerState.Running;
        intervention.Deadline = now + TimeSpan.FromSeconds(intervention.PausedRemainingSeconds!.Value);
        intervention.PausedRemainingSeconds = null;
        intervention.PausedAt = null;
    }

    /// <summary>Adds time; an expired timer runs again with the extra time from now.</summary>
    public static void Extend(Intervention intervention, DateTimeOffset now, TimeSpan extra)
    {
        intervention.AllottedSeconds += (int)extra.TotalSeconds;
        switch (intervention.TimerState)
        {
            case TimerState.Running:
                intervention.Deadline += extra;
                break;
            case TimerState.Paused:
                intervention.PausedRemainingSeconds += extra.TotalSeconds;
                break;
            default:
                intervention.TimerState = TimerState.Running;
                intervention.Deadline = now + extra;
                break;
        }
    }

    /// <summary>Ends the intervention: its actual duration (pauses excluded) is recorded.</summary>
    public static void Stop(Intervention intervention, DateTimeOffset now)
    {
        EndPause(intervention, now);

        intervention.TimerState = TimerState.Stopped;
        intervention.Deadline = null;
        intervention.PausedAt = null;
        intervention.PausedRemainingSeconds = null;
        intervention.EndedAt ??= now;
    }

    public static TimeSpan Remaining(Intervention intervention, DateTimeOffset now) => intervention.TimerState switch
    {
        TimerState.Running => intervention.Deadline!.Value - now,
        TimerState.Paused => TimeSpan.FromSeconds(intervention.PausedRemainingSeconds!.Value),
        _ => TimeSpan.Zero,
    };

    /// <summary>The warning and expiry a running timer needs; a warning already past is left out.</summary>
    public static IEnumerable<(NoticeKind Kind, DateTimeOffset DueAt)> Due(Intervention intervention, DateTimeOffset now, TimeSpan warningLead)
    {
        if (intervention.TimerState != TimerState.Running)
        {
            yield break;
        }

        var deadline = intervention.Deadline!.Value;
        if (deadline - warningLead > now)
        {
            yield return (NoticeKind.TimerWarning, deadline - warningLead);
        }

        yield return (NoticeKind.TimerExpiry, deadline);
    }

    /// <summary>A pause that ends by a restart or a stop is not speaking time.</summary>
    private static void EndPause(Intervention intervention, DateTimeOffset now)
    {
        if (intervention.TimerState == TimerState.Paused)
        {
            intervention.PausedTotalSeconds += (now - intervention.PausedAt!.Value).TotalSeconds;
        }
    }
}
