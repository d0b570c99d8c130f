using System.Globalization;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;

namespace GcmBot.Core.Statistics;

/// <summary>Chooses the sessions of a scope and loads what was recorded in them.</summary>
public static class StatisticsReader
{
    public static async Task<MeetingStatistics> ComputeAsync(IMeetingData data, Meeting meeting, string scope, IReadOnlyList<Session> sessions, CancellationToken cancellationToken)
    {
        var record = new MeetingRecord(
            meeting,
            scope,
            sessions,
            await data.GetDelegationsAsync(meeting.Id, cancellationToken),
            await data.GetActivityAsync([.. sessions.Select(s => s.Id)], cancellationToken),
            await data.GetParticipantsAsync(cancellationToken));
        return StatisticsCalculator.Compute(record);
    }

    /// <summary>The meeting day whose venue date is today, or null when the meeting does not sit today.</summary>
    public static int? Today(Meeting meeting, IReadOnlyList<Session> sessions, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(meeting.ToLocal(now).DateTime);
        return sessions.FirstOrDefault(s => DateOnly.FromDateTime(meeting.ToLocal(s.StartsAt).DateTime) == today)?.Day;
    }

    public static string DayScope(Meeting meeting, IReadOnlyList<Session> sessions, int day) =>
        $"Day {day} — {meeting.ToLocal(sessions.Where(s => s.Day == day).Min(s => s.StartsAt)).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}";

    public static string SessionScope(Session session) => $"{session.Code} — {session.Title}";

    public const string MeetingScope = "The whole meeting";
}
