using GcmBot.Core.Domain;

namespace GcmBot.Core.Handling;

/// <summary>Work a command leaves for after its transaction commits.</summary>
internal sealed class AfterCommit
{
    /// <summary>New notices whose timers are armed at once.</summary>
    public List<Notice> Notices { get; } = [];

    /// <summary>Rooms whose displays show something the command changed.</summary>
    public List<string> Rooms { get; } = [];

    public DraftJob? Draft { get; set; }

    /// <summary>A retried transaction starts again from nothing.</summary>
    public void Clear()
    {
        Notices.Clear();
        Rooms.Clear();
        Draft = null;
    }
}
