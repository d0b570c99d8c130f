using System.Globalization;
using System.Net;
using System.Text;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Statistics;

namespace GcmBot.Web;

/// <summary>
/// The statistics page: headline figures, SVG charts drawn on the server, and the tables behind them, in the reader's
/// language (the statistics themselves are computed in English, which the CSV keeps for spreadsheets).
/// </summary>
internal static class StatisticsPage
{
    public static string Render(Meeting meeting, MeetingStatistics s, IReadOnlyList<Session> sessions, string query, StatisticsSelection selection, Texts texts)
    {
        string T(string key, params object?[] arguments) => texts.Format("Staff.StatsPage." + key, arguments);
        string N(double value) => value.ToString("#,0", texts.Culture);
        string M(double value) => value.ToString("0.#", texts.Culture);
        var f = s.Figures;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(texts.Language.Code).Append("\" dir=\"").Append(texts.Language.RightToLeft ? "rtl" : "ltr")
            .Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(texts.Format("Staff.Stats.Title", meeting.Title))).Append("</title><link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/stats.css\"></head><body>")
            .Append("<header><h1>").Append(E(T("Heading"))).Append("</h1><p class=\"meeting\">").Append(E(meeting.Title)).Append("</p>")
            .Append("<p class=\"scope\" id=\"scope\">").Append(E(Scope(meeting, s, sessions, selection, texts))).Append("</p>")
            .Append(Selector(sessions, selection, texts))
            .Append("<p><a id=\"csv\" href=\"/stats.csv").Append(E(query)).Append("\" download>").Append(E(T("DownloadCsv"))).Append("</a> · <a href=\"/overview\">")
            .Append(E(T("Overview"))).Append("</a></p></header><main>");

        // The numbers go in bold into the translated sentence, whose own words are encoded first.
        var headline = string.Format(texts.Culture, E(T("Headline", "{0}", "{1}", "{2}")), Strong(N(f.Delegations)), Strong(N(f.RegisteredParticipants)), Strong(N(f.Stakeholders)));
        html.Append("<section class=\"figures\" aria-label=\"").Append(E(T("Figures"))).Append("\"><p id=\"headline\">").Append(headline).Append("</p><dl>");
        foreach (var (label, value) in new[]
        {
            ("Sessions", N(f.Sessions)), ("MemberStates", N(f.MemberStates)), ("AverageMemberStates", f.AverageMemberStatesPerSession.ToString("0.#", texts.Culture)),
            ("ActiveParticipants", N(f.ActiveParticipants)), ("Interventions", N(f.Interventions)), ("SpeakingTime", Minutes(f.SpeakingTime)),
            ("ChairInterventions", N(f.ChairInterventions)), ("Panellists", N(f.Panellists)), ("Cards", N(f.Cards)), ("Contributions", N(f.Contributions)),
        })
        {
            html.Append("<div><dt>").Append(E(T(label))).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");
        }

        html.Append("</dl></section>");

        var nothing = T("NothingYet");
        Section(html, "by-category", T("ByCategory"), SvgChart.Bars(T("ByCategory"), [T("Series.Interventions")], [.. s.Categories.Select(c => (Plural(texts, c), (IReadOnlyList<double>)[c.Interventions]))], N, nothing));
        Section(html, "time-by-category", T("TimeByCategory"), SvgChart.Bars(T("TimeByCategoryChart"), [T("Series.Minutes")], [.. s.Categories.Select(c => (Plural(texts, c), (IReadOnlyList<double>)[c.SpeakingTime.TotalMinutes]))], M, nothing));
        Section(html, "used-vs-allotted", T("UsedVsAllotted"), SvgChart.Bars(T("UsedVsAllottedChart"), [T("Series.Used"), T("Series.Allotted")], [.. s.Sessions.Select(t => ($"{t.Code} {t.Title}", (IReadOnlyList<double>)[t.Used.TotalMinutes, t.Allotted.TotalMinutes]))], M, nothing));
        Section(html, "cards", T("CardsPerGroup"), SvgChart.Bars(T("CardsPerGroupChart"), [T("Series.Cards")], [.. s.CardsBySession.Select(c => ($"{c.Code} {c.Title}", (IReadOnlyList<double>)[c.Cards]))], N, nothing));
        Section(html, "days", T("Days"), SvgChart.Bars(T("Days"), [T("Series.Delegations"), T("Series.MemberStates"), T("Series.Stakeholders")], [.. s.Days.Select(d => (Day(meeting, sessions, d.Day, texts), (IReadOnlyList<double>)[d.Delegations, d.MemberStates, d.Stakeholders]))], N, nothing));

        html.Append("<section id=\"not-reached\"><h2>").Append(E(T("NotReached"))).Append("</h2>");
        if (s.NotReached.Count == 0)
        {
            html.Append("<p>").Append(E(T("EveryoneHeard"))).Append("</p>");
        }
        else
        {
            Table(html, [T("Column.Session"), T("Column.Delegation"), T("Column.Category"), T("Column.AskedAt"), T("Column.Why")],
                s.NotReached.Select(n => new[] { n.Session, n.Delegation, Category(texts, n.Category), n.RequestedAt, Reason(texts, n.Reason) }));
        }

        html.Append("</section><section id=\"delegations\"><h2>").Append(E(T("PerDelegation"))).Append("</h2>");
        Table(html, [T("Column.Delegation"), T("Column.Category"), T("Column.Interventions"), T("Column.Spoke"), T("Column.Allotted"), T("Column.Requests"), T("Column.NotReached"), T("Column.Cards"), T("Column.Contributions")],
            s.Delegations.Select(d => new[] { d.Name, Category(texts, d.Category), N(d.Interventions), Minutes(d.SpeakingTime), Minutes(d.Allotted), N(d.Requests), N(d.NotReached), N(d.Cards), N(d.Contributions) }));
        html.Append("</section><section id=\"categories\"><h2>").Append(E(T("PerCategory"))).Append("</h2>");
        Table(html, [T("Column.Category"), T("Column.Delegations"), T("Column.Interventions"), T("Column.SpeakingTime"), T("Column.Cards")],
            s.Categories.Select(c => new[] { Plural(texts, c), N(c.Delegations), N(c.Interventions), Minutes(c.SpeakingTime), N(c.Cards) }));
        html.Append("</section></main></body></html>");
        return html.ToString();
    }

    /// <summary>What is displayed: the whole meeting, a day with its date in the reader's language, or a session (its code and title as written).</summary>
    private static string Scope(Meeting meeting, MeetingStatistics s, IReadOnlyList<Session> sessions, StatisticsSelection selection, Texts texts) => selection.Scope switch
    {
        "meeting" => texts.Format("Staff.Stats.WholeMeeting"),
        "day" when selection.Day is { } day => Day(meeting, sessions, day, texts),
        _ => s.Scope,
    };

    /// <summary>"Day 2 — mardi 5 décembre 2017": the date of the day's first session, in the venue's time.</summary>
    private static string Day(Meeting meeting, IReadOnlyList<Session> sessions, int day, Texts texts)
    {
        var starts = sessions.Where(x => x.Day == day).Select(x => x.StartsAt).ToList();
        return starts.Count == 0 ? day.ToString(texts.Culture) : texts.Format("Staff.Stats.Day", day, texts.Date(meeting.ToLocal(starts.Min()), "Format.LongDate"));
    }

    private static string Plural(Texts texts, CategoryStatistics category) =>
        texts.Format($"Staff.Stats.Plural.{Enum.Parse<DelegationCategory>(category.Key, ignoreCase: true)}");

    /// <summary>The statistics name a category in English; the page names it in the reader's language.</summary>
    private static string Category(Texts texts, string english) =>
        Enum.GetValues<DelegationCategory>().Where(c => CategoryNames.Display(c) == english).Select(texts.Category).FirstOrDefault() ?? english;

    private static string Reason(Texts texts, string english) => english switch
    {
        "removed by the moderator" => texts.Format("Staff.StatsPage.Reason.Removed"),
        "not reached before the close" => texts.Format("Staff.StatsPage.Reason.Closed"),
        "still waiting" => texts.Format("Staff.StatsPage.Reason.StillWaiting"),
        _ => english,
    };

    /// <summary>The scope form, with what is displayed selected (a day scope chosen as "today" shows that day's number).</summary>
    private static string Selector(IReadOnlyList<Session> sessions, StatisticsSelection selection, Texts texts)
    {
        string T(string key) => texts.Format("Staff.StatsPage." + key);
        var form = new StringBuilder("<form class=\"scope-form\" method=\"get\" action=\"/stats\">");
        // The language the reader asked for by address stays with the next scope they choose.
        form.Append("<input type=\"hidden\" name=\"lang\" value=\"").Append(texts.Language.Code).Append("\">");
        form.Append("<label>").Append(E(T("Scope"))).Append(" <select name=\"scope\">");
        foreach (var scope in new[] { "meeting", "day", "session" })
        {
            Option(form, scope, T("Scope." + scope), scope == selection.Scope);
        }

        form.Append("</select></label><label>").Append(E(T("Day"))).Append(" <select name=\"day\">");
        Option(form, "", T("Today"), selection.Day is null);
        foreach (var day in sessions.Select(x => x.Day).Distinct().Order())
        {
            Option(form, day.ToString(CultureInfo.InvariantCulture), day.ToString(texts.Culture), day == selection.Day);
        }

        form.Append("</select></label><label>").Append(E(T("Session"))).Append(" <select name=\"session\">");
        Option(form, "", "—", selection.Session is null);
        foreach (var session in sessions.Where(x => x.Kind != SessionKind.Break))
        {
            Option(form, session.Code, session.Code, session.Code == selection.Session);
        }

        return form.Append("</select></label><button type=\"submit\">").Append(E(T("Show"))).Append("</button></form>").ToString();
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

    private static string Strong(string number) => "<strong>" + E(number) + "</strong>";

    private static string Minutes(TimeSpan span) => $"{(int)span.TotalMinutes}:{span.Seconds:00}";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
