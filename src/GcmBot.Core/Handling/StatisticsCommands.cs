using System.Globalization;
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
        var (scope, title, chosen, file) = context.Command["scope"] switch
        {
            "meeting" => (StatisticsReader.MeetingScope, context.T("Staff.Stats.WholeMeeting"), sessions, "meeting"),
            "day" => Day(context, sessions),
            "session" => channelSession is { } own
                ? (StatisticsReader.SessionScope(own), StatisticsReader.SessionScope(own), [own], own.Code)
                : throw new CommandException(context.T("Staff.Stats.NoChannelSession")),
            _ => channelSession is { } own
                ? (StatisticsReader.SessionScope(own), StatisticsReader.SessionScope(own), (IReadOnlyList<Session>)[own], own.Code)
                : (StatisticsReader.MeetingScope, context.T("Staff.Stats.WholeMeeting"), sessions, "meeting"),
        };

        var statistics = await StatisticsReader.ComputeAsync(context.Data, context.Meeting, scope, chosen, context.CancellationToken);
        var f = statistics.Figures;
        var facts = new List<Fact>
        {
            new(context.T("Staff.Stats.Delegations"), f.Delegations == 0 ? context.T("Staff.Stats.NoDelegations") : context.T("Staff.Stats.DelegationsTookPart", f.Delegations, string.Join(", ", statistics.Categories.Where(c => c.Delegations > 0).Select(c => context.Texts.Plural($"Staff.Stats.Count.{Key(c)}", c.Delegations))))),
            new(context.T("Staff.Stats.Participants"), context.T("Staff.Stats.ParticipantsValue", f.RegisteredParticipants, f.ActiveParticipants)),
            new(context.T("Staff.Stats.Interventions"), context.T("Staff.Stats.InterventionsValue", f.Interventions, Minutes(context, f.SpeakingTime), f.ChairInterventions)),
            new(context.T("Staff.Stats.Cards"), f.Cards.ToString(CultureInfo.InvariantCulture)),
            new(context.T("Staff.Stats.Contributions"), f.Contributions.ToString(CultureInfo.InvariantCulture)),
            new(context.T("Staff.Stats.NotReached"), statistics.NotReached.Count == 0 ? context.T("Staff.Stats.None") : string.Join(", ", statistics.NotReached.Select(n => $"{n.Delegation} ({n.Session})"))),
        };
        facts.AddRange(statistics.Categories.Where(c => c.Interventions > 0).Select(c => new Fact(Plural(context, c), context.Texts.Plural("Staff.Stats.CategoryValue", c.Interventions, Minutes(context, c.SpeakingTime)))));

        var top = statistics.Delegations.Where(d => d.Interventions > 0).Take(TopDelegations).ToList();
        return CommandResult.Of(Reply.Private(context.T(top.Count == 0 ? "Staff.Stats.NobodySpoke" : "Staff.Stats.Longest")) with
        {
            Title = context.T("Staff.Stats.Title", title),
            Facts = facts,
            Items = [.. top.Select((d, i) => new ListItem(i + 1, d.Name, context.Texts.Plural("Staff.Stats.DelegationValue", d.Interventions, Category(context, d.Category), Minutes(context, d.SpeakingTime), Minutes(context, d.Allotted))))],
            Attachment = new Attachment($"stats-{file}.csv", "text/csv", StatisticsCsv.Write(statistics)),
        });
    }

    private static (string Scope, string Title, IReadOnlyList<Session> Sessions, string File) Day(CommandContext context, IReadOnlyList<Session> sessions)
    {
        var day = StatisticsReader.Today(context.Meeting, sessions, context.Now)
            ?? throw new CommandException(context.T("Staff.Stats.NotToday"));
        var first = sessions.Where(s => s.Day == day).Min(s => s.StartsAt);
        return (StatisticsReader.DayScope(context.Meeting, sessions, day), context.T("Staff.Stats.Day", day, context.Local(first, context.T("Format.LongDate"))),
            [.. sessions.Where(s => s.Day == day)], $"day{day}");
    }

    private static string Plural(CommandContext context, CategoryStatistics category) => context.T($"Staff.Stats.Plural.{Key(category)}");

    private static DelegationCategory Key(CategoryStatistics category) => Enum.Parse<DelegationCategory>(category.Key, ignoreCase: true);

    /// <summary>The statistics name a delegation's category in English; the reply names it in the reader's language.</summary>
    private static string Category(CommandContext context, string english) =>
        context.Texts.Category(Enum.GetValues<DelegationCategory>().Single(c => CategoryNames.Display(c) == english));

    private static string Minutes(CommandContext context, TimeSpan span) => context.Texts.Duration(TimeSpan.FromSeconds(Math.Round(span.TotalSeconds)));
}
