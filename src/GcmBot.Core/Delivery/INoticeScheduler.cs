using GcmBot.Core.Domain;

namespace GcmBot.Core.Delivery;

/// <summary>Arms the in-process timers for notices just committed, so they fire on time on this instance.</summary>
public interface INoticeScheduler
{
    void Arm(IReadOnlyCollection<Notice> notices);
}
