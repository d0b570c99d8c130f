using System.Globalization;
using GcmBot.Core.Commands;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;
using GcmBot.Core.Statistics;

namespace GcmBot.Core.Handling;

internal static class StatisticsCommands
{
    private const int TopDelegations = 5;

    public static async Task<CommandResult> StatsAsync(CommandContext context)
    {
        var sessions = await context.SessionsAsync();
        var channelSession = context.Command["scope"] is null or "session" ? await context.ChannelSessionAsync() : null;
        var (scope, chosen, file) = context.Command["scope"] switch
        {
            "meeting" => (StatisticsReader.MeetingScope, sessions, "meeting"),
            "day" => Day(context, sessions),
            "session" => channelSession is { } own
                ? (StatisticsReader.SessionScope(own), [own], own.Code)
                : throw new CommandException("This channel does not follow a session. Use `stats day` or `stats meeting`."),
            _ => channelSession is { } own
                ? (StatisticsReader.SessionScope(own), (IReadOnlyList<Session>)[own], own.Code)
                : (StatisticsReader.MeetingScope, sessions, "meeting"),
        };

        var statistics = await StatisticsReader.ComputeAsync(context.Data, context.Meeting, scope, chosen, context.CancellationToken);
        var f = statistics.Figures;
        var facts = new List<Fact>
        {
            new("Delegations", f.Delegations == 0 ? "none took part" : $"{f.Delegations} took part ({string.Join(", ", statistics.Categories.Where(c => c.Delegations > 0).Select(c => $"{c.Delegations} {c.Name}"))})"),
            new("Participants", $"{f.RegisteredParticipants} registered, {f.ActiveParticipants} active here"),
            new("Interventions", $"{f.Interventions} by delegations, {Minutes(f.SpeakingTime)} in all; {f.ChairInterventions} by the chair, panellists or rapporteur"),
            new("Cards", f.Cards.ToString(CultureInfo.InvariantCulture)),
            new("Contributions", f.Contributions.ToString(CultureInfo.InvariantCulture)),
            new("Not reached", statistics.NotReached.Count == 0 ? "none" : string.Join(", ", statistics.NotReached.Select(n => $"{n.Delegation} ({n.Session})"))),
        };
        facts.AddRange(statistics.Categories.Where(c => c.Interventions > 0).Select(c => new Fact(c.Name, $"{c.Interventions} interventions, {Minutes(c.SpeakingTime)}")));

        var top = statistics.Delegations.Where(d => d.Interventions > 0).Take(TopDelegations).ToList();
        return CommandResult.Of(Reply.Private(top.Count == 0 ? "Nobody has spoken yet." : "Longest speaking time:") with
        {
            Title = $"Statistics — {scope}",
            Facts = facts,
            Items = [.. top.Select((d, i) => new ListItem(i + 1, d.Name, $"{d.Category} · {d.Interventions} intervention(s), {Minutes(d.SpeakingTime)} of {Minutes(d.Allotted)} allotted"))],
            Attachment = new Attachment($"stats-{file}.csv", "text/csv", StatisticsCsv.Write(statistics)),
        });
    }

    private static (string Scope, IReadOnlyList<Session> Sessions, string File) Day(CommandContext context, IReadOnlyList<Session> sessions)
    {
        var day = StatisticsReader.Today(context.Meeting, sessions, context.Now)
            ?? throw new CommandException("The meeting does not sit today. `stats meeting` covers every day.");
        return (StatisticsReader.DayScope(context.Meeting, sessions, day), [.. sessions.Where(s => s.Day == day)], $"day{day}");
    }

    private static string Minutes(TimeSpan span) => DurationParser.Format(TimeSpan.FromSeconds(Math.Round(span.TotalSeconds)));
}
