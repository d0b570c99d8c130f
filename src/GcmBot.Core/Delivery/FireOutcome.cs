namespace GcmBot.Core.Delivery;

/// <summary>What happened when a notice's timer went off.</summary>
public enum FireOutcome
{
    /// <summary>This call claimed the notice and sent it.</summary>
    Fired = 0,

    /// <summary>Already fired (by another instance or timer), cancelled, or gone: nothing sent.</summary>
    Gone = 1,

    /// <summary>Not due yet (its timer changed): re-arm.</summary>
    Early = 2,
}
