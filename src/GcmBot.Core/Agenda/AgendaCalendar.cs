using System.Security.Cryptography;
using System.Text;
using GcmBot.Core.Domain;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace GcmBot.Core.Agenda;

/// <summary>
/// The agenda as an iCalendar file delegates import or subscribe to: every session (breaks left out) in the
/// venue's time zone, with its VTIMEZONE, the room as location and the moderators and rapporteurs.
/// </summary>
public static class AgendaCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(Meeting meeting, IEnumerable<Session> sessions)
    {
        var timed = sessions.Where(s => s.Kind != SessionKind.Break).OrderBy(s => s.StartsAt).ThenBy(s => s.Room, StringComparer.Ordinal).ToList();
        var calendar = new Calendar { ProductId = "-//GcmBot//Meeting agenda//EN" };
        calendar.AddProperty("X-WR-CALNAME", meeting.Title);
        calendar.AddProperty("X-WR-TIMEZONE", meeting.TimeZoneId);
        if (timed.Count > 0)
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(meeting.TimeZoneId, meeting.ToLocal(timed[0].StartsAt).DateTime.Date, includeHistoricalData: false));
        }

        var stamp = new CalDateTime(meeting.LoadedAt.UtcDateTime, "UTC");
        foreach (var session in timed)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(meeting, session),
                Summary = $"{session.Code} — {session.Title}",
                DtStart = Local(meeting, session.StartsAt),
                DtEnd = Local(meeting, session.EndsAt),
                DtStamp = stamp,
                Location = session.Room,
                Description = Describe(session),
                Categories = [session.Kind.ToString()],
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>Stable across restarts and reloads of the same meeting: session code plus a digest of the meeting's title.</summary>
    public static string Uid(Meeting meeting, Session session) =>
        $"{session.Code.ToLowerInvariant()}.{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(meeting.Title)))[..12].ToLowerInvariant()}@gcmbot";

    private static CalDateTime Local(Meeting meeting, DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(meeting.ToLocal(instant).DateTime, DateTimeKind.Unspecified), meeting.TimeZoneId);

    private static string Describe(Session session)
    {
        var lines = new List<string>();
        if (session.Dimension is { Length: > 0 } dimension)
        {
            lines.Add($"Dimension: {dimension}");
        }

        lines.Add($"Moderator: {Or(session.Moderators)}");
        lines.Add($"Rapporteur: {Or(session.Rapporteurs)}");
        if (session.Description.Length > 0)
        {
            lines.Add("");
            lines.Add(session.Description);
        }

        return string.Join('\n', lines);
    }

    private static string Or(string value) => value.Length == 0 ? "—" : value;
}
