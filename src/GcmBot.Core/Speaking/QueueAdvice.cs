namespace GcmBot.Core.Speaking;

public enum QueueAdvice
{
    OnTime = 0,

    /// <summary>Few delegations are waiting: three-minute statements would still finish in time.</summary>
    AllowThreeMinutes = 1,

    /// <summary>The list cannot be heard before the session ends: close it.</summary>
    CloseList = 2,
}
