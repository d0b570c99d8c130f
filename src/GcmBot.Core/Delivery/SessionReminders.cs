using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Speaking;

namespace GcmBot.Core.Delivery;

/// <summary>Keeps one pending reminder before each coming session, at its current start time.</summary>
public static class SessionReminders
{
    /// <summary>Creates missing reminders and moves those whose session moved; returns the notices to arm.</summary>
    public static async Task<IReadOnlyList<Notice>> PlanAsync(IMeetingData data, DateTimeOffset now, ReminderRules rules, CancellationToken ct)
    {
        var meeting = await data.GetMeetingAsync(ct);
        if (meeting is null)
        {
            return [];
        }

        var pending = (await data.GetPendingNoticesAsync(null, null, NoticeKind.SessionReminder, ct)).ToLookup(n => n.SessionId);
        var planned = new List<Notice>();
        foreach (var session in await data.GetSessionsAsync(meeting.Id, ct))
        {
            var dueAt = session.StartsAt - rules.BeforeSession;
            var existing = pending[session.Id].FirstOrDefault();
            if (existing is not null && existing.DueAt == dueAt)
            {
                continue;
            }

            if (existing is not null)
            {
                existing.CancelledAt = now;
            }

            if (session.Kind != SessionKind.Break && dueAt > now)
            {
                var notice = new Notice { Kind = NoticeKind.SessionReminder, DueAt = dueAt, SessionId = session.Id, CreatedAt = now };
                data.Add(notice);
                planned.Add(notice);
            }
        }

        await data.FlushAsync(ct);
        return planned;
    }
}
