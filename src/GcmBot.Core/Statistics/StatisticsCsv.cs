using System.Globalization;
using System.Text;
using CsvHelper;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Statistics;

/// <summary>
/// The statistics as CSV in long form (one figure per row: table, item, category, measure, value), so that
/// every table of the page lands in one file a spreadsheet can pivot. Times are in seconds.
/// </summary>
public static class StatisticsCsv
{
    public static byte[] Write(MeetingStatistics statistics)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, SpreadsheetCsv.Configuration))
        {
            csv.WriteRecords(Rows(statistics));
        }

        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    private static IEnumerable<StatisticsCsvRow> Rows(MeetingStatistics s)
    {
        var f = s.Figures;
        foreach (var (measure, value) in new (string, double)[]
        {
            ("sessions", f.Sessions), ("delegations", f.Delegations), ("memberStates", f.MemberStates), ("stakeholders", f.Stakeholders),
            ("registeredParticipants", f.RegisteredParticipants), ("activeParticipants", f.ActiveParticipants), ("interventions", f.Interventions),
            ("speakingSeconds", Seconds(f.SpeakingTime)), ("chairInterventions", f.ChairInterventions), ("panellists", f.Panellists),
            ("cards", f.Cards), ("contributions", f.Contributions), ("averageMemberStatesPerSession", f.AverageMemberStatesPerSession),
        })
        {
            yield return new("figures", s.Scope, "", measure, value);
        }

        foreach (var c in s.Categories)
        {
            yield return new("categories", c.Name, c.Name, "delegations", c.Delegations);
            yield return new("categories", c.Name, c.Name, "interventions", c.Interventions);
            yield return new("categories", c.Name, c.Name, "speakingSeconds", Seconds(c.SpeakingTime));
            yield return new("categories", c.Name, c.Name, "cards", c.Cards);
        }

        foreach (var d in s.Delegations)
        {
            yield return new("delegations", d.Name, d.Category, "interventions", d.Interventions);
            yield return new("delegations", d.Name, d.Category, "speakingSeconds", Seconds(d.SpeakingTime));
            yield return new("delegations", d.Name, d.Category, "allottedSeconds", Seconds(d.Allotted));
            yield return new("delegations", d.Name, d.Category, "requests", d.Requests);
            yield return new("delegations", d.Name, d.Category, "notReached", d.NotReached);
            yield return new("delegations", d.Name, d.Category, "cards", d.Cards);
            yield return new("delegations", d.Name, d.Category, "contributions", d.Contributions);
        }

        foreach (var t in s.Sessions)
        {
            yield return new("sessions", t.Code, "", "interventions", t.Interventions);
            yield return new("sessions", t.Code, "", "usedSeconds", Seconds(t.Used));
            yield return new("sessions", t.Code, "", "allottedSeconds", Seconds(t.Allotted));
        }

        foreach (var n in s.NotReached)
        {
            yield return new("notReached", $"{n.Session} {n.Delegation}", n.Category, n.Reason, 1);
        }

        foreach (var c in s.CardsBySession)
        {
            yield return new("cards", c.Code, "", "cards", c.Cards);
            yield return new("cards", c.Code, "", "delegations", c.Delegations);
        }

        foreach (var d in s.Days)
        {
            var item = $"Day {d.Day}";
            yield return new("days", item, "", "delegations", d.Delegations);
            yield return new("days", item, "", "memberStates", d.MemberStates);
            yield return new("days", item, "", "stakeholders", d.Stakeholders);
            yield return new("days", item, "", "activeParticipants", d.ActiveParticipants);
            yield return new("days", item, "", "interventions", d.Interventions);
            yield return new("days", item, "", "cards", d.Cards);
            yield return new("days", item, "", "contributions", d.Contributions);
        }
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds);
}
