using System.Globalization;
using System.Net;
using System.Text;
using GcmBot.Core.Domain;
using GcmBot.Core.Statistics;

namespace GcmBot.Web;

/// <summary>The statistics page: headline figures, SVG charts drawn on the server, and the tables behind them.</summary>
internal static class StatisticsPage
{
    public static string Render(Meeting meeting, MeetingStatistics s, IReadOnlyList<Session> sessions, string query, StatisticsSelection selection)
    {
        var f = s.Figures;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Statistics — ").Append(E(meeting.Title)).Append("</title><link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/stats.css\"></head><body>")
            .Append("<header><h1>Statistics</h1><p class=\"meeting\">").Append(E(meeting.Title)).Append("</p>")
            .Append("<p class=\"scope\" id=\"scope\">").Append(E(s.Scope)).Append("</p>")
            .Append(Selector(sessions, selection))
            .Append("<p><a id=\"csv\" href=\"/stats.csv").Append(E(query)).Append("\" download>Download CSV</a> · <a href=\"/overview\">Overview</a></p></header><main>");

        html.Append("<section class=\"figures\" aria-label=\"Figures\"><p id=\"headline\"><strong>").Append(N(f.Delegations)).Append("</strong> delegations, <strong>")
            .Append(N(f.RegisteredParticipants)).Append("</strong> participants, <strong>").Append(N(f.Stakeholders)).Append("</strong> non-governmental stakeholders</p><dl>");
        foreach (var (label, value) in new[]
        {
            ("Sessions", N(f.Sessions)), ("Member States taking part", N(f.MemberStates)), ("Average Member States per session", f.AverageMemberStatesPerSession.ToString("0.#", CultureInfo.InvariantCulture)),
            ("Active participants", N(f.ActiveParticipants)), ("Interventions by delegations", N(f.Interventions)), ("Speaking time", Minutes(f.SpeakingTime)),
            ("Chair, panellists, rapporteur", N(f.ChairInterventions)), ("Panellists", N(f.Panellists)), ("Recommendation cards", N(f.Cards)), ("Captured contributions", N(f.Contributions)),
        })
        {
            html.Append("<div><dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");
        }

        html.Append("</dl></section>");

        Section(html, "by-category", "Interventions by category", SvgChart.Bars("Interventions by category", ["Interventions"], [.. s.Categories.Select(c => (c.Name, (IReadOnlyList<double>)[c.Interventions]))], N));
        Section(html, "time-by-category", "Speaking time by category (minutes)", SvgChart.Bars("Speaking time by category", ["Minutes"], [.. s.Categories.Select(c => (c.Name, (IReadOnlyList<double>)[c.SpeakingTime.TotalMinutes]))], M));
        Section(html, "used-vs-allotted", "Speaking time used versus allotted, per session (minutes)", SvgChart.Bars("Speaking time used versus allotted", ["Used", "Allotted"], [.. s.Sessions.Select(t => ($"{t.Code} {t.Title}", (IReadOnlyList<double>)[t.Used.TotalMinutes, t.Allotted.TotalMinutes]))], M));
        Section(html, "cards", "Recommendation cards per action group", SvgChart.Bars("Cards per action group", ["Cards"], [.. s.CardsBySession.Select(c => ($"{c.Code} {c.Title}", (IReadOnlyList<double>)[c.Cards]))], N));
        Section(html, "days", "Participation over the days", SvgChart.Bars("Participation over the days", ["Delegations", "Member States", "Stakeholders"], [.. s.Days.Select(d => ($"Day {d.Day} — {d.Date}", (IReadOnlyList<double>)[d.Delegations, d.MemberStates, d.Stakeholders]))], N));

        html.Append("<section id=\"not-reached\"><h2>Asked for the floor, not reached</h2>");
        if (s.NotReached.Count == 0)
        {
            html.Append("<p>Every delegation that asked for the floor was heard (or withdrew).</p>");
        }
        else
        {
            Table(html, ["Session", "Delegation", "Category", "Asked at", "Why"], s.NotReached.Select(n => new[] { n.Session, n.Delegation, n.Category, n.RequestedAt, n.Reason }));
        }

        html.Append("</section><section id=\"delegations\"><h2>Speaking time per delegation</h2>");
        Table(html, ["Delegation", "Category", "Interventions", "Spoke", "Allotted", "Requests", "Not reached", "Cards", "Contributions"],
            s.Delegations.Select(d => new[] { d.Name, d.Category, N(d.Interventions), Minutes(d.SpeakingTime), Minutes(d.Allotted), N(d.Requests), N(d.NotReached), N(d.Cards), N(d.Contributions) }));
        html.Append("</section><section id=\"categories\"><h2>Per category</h2>");
        Table(html, ["Category", "Delegations", "Interventions", "Speaking time", "Cards"],
            s.Categories.Select(c => new[] { c.Name, N(c.Delegations), N(c.Interventions), Minutes(c.SpeakingTime), N(c.Cards) }));
        html.Append("</section></main></body></html>");
        return html.ToString();
    }

    /// <summary>The scope form, with what is displayed selected (a day scope chosen as "today" shows that day's number).</summary>
    private static string Selector(IReadOnlyList<Session> sessions, StatisticsSelection selection)
    {
        var form = new StringBuilder("<form class=\"scope-form\" method=\"get\" action=\"/stats\"><label>Scope <select name=\"scope\">");
        foreach (var scope in new[] { "meeting", "day", "session" })
        {
            Option(form, scope, scope, scope == selection.Scope);
        }

        form.Append("</select></label><label>Day <select name=\"day\">");
        Option(form, "", "today", selection.Day is null);
        foreach (var day in sessions.Select(x => x.Day).Distinct().Order())
        {
            Option(form, day.ToString(CultureInfo.InvariantCulture), day.ToString(CultureInfo.InvariantCulture), day == selection.Day);
        }

        form.Append("</select></label><label>Session <select name=\"session\">");
        Option(form, "", "—", selection.Session is null);
        foreach (var session in sessions.Where(x => x.Kind != SessionKind.Break))
        {
            Option(form, session.Code, session.Code, session.Code == selection.Session);
        }

        return form.Append("</select></label><button type=\"submit\">Show</button></form>").ToString();
    }

    private static void Option(StringBuilder form, string value, string label, bool selected) =>
        form.Append("<option value=\"").Append(E(value)).Append(selected ? "\" selected>" : "\">").Append(E(label)).Append("</option>");

    private static void Section(StringBuilder html, string id, string heading, string svg) =>
        html.Append("<section id=\"").Append(id).Append("\"><h2>").Append(E(heading)).Append("</h2>").Append(svg).Append("</section>");

    private static void Table(StringBuilder html, string[] headings, IEnumerable<string[]> rows)
    {
        html.Append("<table><thead><tr>");
        foreach (var heading in headings)
        {
            html.Append("<th scope=\"col\">").Append(E(heading)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Minutes(TimeSpan span) => $"{(int)span.TotalMinutes}:{span.Seconds:00}";

    private static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string M(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
