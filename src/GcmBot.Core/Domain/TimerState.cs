namespace GcmBot.Core.Domain;

public enum TimerState
{
    Idle = 0,
    Running = 1,
    Paused = 2,

    /// <summary>The allotted time ran out; the speaker may still be finishing (overtime).</summary>
    Expired = 3,
    Stopped = 4,
}
