using System.Globalization;
using System.Text;
using GcmBot.Core.Commands;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class MeetingCommands
{
    public const int MaxDelegationMembers = 4;

    /// <summary>Commands are named in the language of the reply (<c>aide</c> and <c>ayuda</c> make it French and Spanish).</summary>
    public static async Task<CommandResult> HelpAsync(CommandContext context)
    {
        var language = context.Texts.Language;
        if (context.Command["command"] is { } name)
        {
            var definition = CommandNames.Find(name)
                ?? CommandNames.Spellings.FirstOrDefault(s => s.Text.StartsWith(CommandParser.NormaliseName(name), StringComparison.Ordinal))?.Command
                ?? throw new CommandException(context.T("Help.NoCommand", name));
            return CommandResult.Of(Reply.Private(CommandNames.Summary(language, definition.Id)) with
            {
                Title = CommandNames.Usage(language, definition),
                Facts =
                [
                    new Fact(context.T("Help.Who"), context.T($"Who.{definition.Access}")),
                    .. definition.Arguments.Select(a => new Fact($"<{CommandNames.ArgumentName(language, a)}>", CommandNames.Description(language, a))),
                    new Fact(context.T("Help.Example"), string.Join("  ·  ", definition.Examples.Select(e => CommandNames.For(language, definition.Id) + e[definition.Name.Length..]))),
                ],
            });
        }

        var session = await context.ChannelSessionAsync();
        var visible = new List<CommandDefinition>();
        foreach (var definition in CommandCatalogue.All)
        {
            if (await MayUseAsync(context, definition, session))
            {
                visible.Add(definition);
            }
        }

        var text = new StringBuilder(context.T("Help.Intro"));
        foreach (var group in visible.GroupBy(d => d.Group))
        {
            text.Append("\n\n**").Append(GroupName(context.Texts, group.Key)).Append("**");
            foreach (var definition in group)
            {
                text.Append("\n`").Append(CommandNames.Usage(language, definition)).Append("` — ").Append(CommandNames.Summary(language, definition.Id));
            }
        }

        return CommandResult.Of(Reply.Private(text.ToString()) with { Title = context.T("Help.Title") });
    }

    /// <summary>The agenda concerns whoever asks: it is their answer, not a post that fills everyone's chat.</summary>
    public static async Task<CommandResult> AgendaAsync(CommandContext context)
    {
        var result = await AgendaOfAsync(context);
        return result with { Reply = result.Reply with { Visibility = Visibility.Private } };
    }

    private static async Task<CommandResult> AgendaOfAsync(CommandContext context)
    {
        var sessions = (await context.SessionsAsync()).OrderBy(s => s.StartsAt).ThenBy(s => s.Room).ToList();
        var when = (context.Command["when"] ?? "").Trim().ToLowerInvariant();
        var today = DateOnly.FromDateTime(context.Meeting.ToLocal(context.Now).DateTime);
        var days = sessions.GroupBy(s => s.Day).OrderBy(g => g.Key).ToList();

        if (when is "" or "today" or "tomorrow")
        {
            var date = when == "tomorrow" ? today.AddDays(1) : today;
            var onDate = sessions.Where(s => LocalDate(context, s) == date).ToList();
            if (onDate.Count > 0)
            {
                return AgendaReply(context.T("Agenda.For", Day(context, date, "Format.LongDate")), onDate, context);
            }

            if (when.Length > 0)
            {
                throw new CommandException(context.T("Agenda.NotSitting", context.T($"Agenda.When.{when}"), Span(context, sessions)));
            }

            return CommandResult.Of(new Reply(string.Join('\n', days.Select(d =>
                context.T("Agenda.DayLine", d.Key, Day(context, LocalDate(context, d.First()), "Format.DayMonth"), string.Join(", ", d.Where(s => s.Kind != SessionKind.Break).Select(s => s.Code))))))
            {
                Title = context.T("Agenda.OverviewTitle", context.Meeting.Title, Span(context, sessions)),
                Facts = [new Fact(context.T("Agenda.Venue"), context.Meeting.Venue), new Fact(context.T("Agenda.More"), "`agenda day 2`, `agenda now`, `agenda AG1`")],
            });
        }

        if (when == "now")
        {
            var running = sessions.Where(s => s.IsOpen || (s.StartsAt <= context.Now && context.Now < s.EndsAt)).ToList();
            return running.Count > 0
                ? AgendaReply(context.T("Agenda.Now", context.Local(context.Now)), running, context)
                : NextReply(context, sessions, context.T("Agenda.NothingRunning"));
        }

        if (when == "next")
        {
            return NextReply(context, sessions, "");
        }

        if (when.StartsWith("day", StringComparison.Ordinal)
            && int.TryParse(when[3..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var day))
        {
            var onDay = sessions.Where(s => s.Day == day).ToList();
            return onDay.Count > 0
                ? AgendaReply(context.T("Agenda.DayTitle", day, Day(context, LocalDate(context, onDay[0]), "Format.LongDate")), onDay, context)
                : throw new CommandException(context.Texts.Plural("Agenda.NoDay", days.Count, day));
        }

        var session = await context.FindSessionAsync(context.Command["when"]!);
        return CommandResult.Of(SessionDetails(context, session));
    }

    public static async Task<CommandResult> WhoAmIAsync(CommandContext context)
    {
        var participant = context.Participant;
        var roles = participant.Roles == Roles.None ? context.T("WhoAmI.Participant") : string.Join(", ", Enum.GetValues<Roles>().Where(r => r != Roles.None && participant.Roles.HasFlag(r)).Select(r => context.T($"Role.{r}")));
        if (context.Delegation is { } own && context.IsFocalPoint(own))
        {
            roles += ", " + context.T("FocalPoint.Role", own.Name);
        }

        var requested = participant.RequestedDelegationId is { } id ? await context.Data.GetDelegationAsync(id, context.CancellationToken) : null;
        return CommandResult.Of(Reply.Private(context.Delegation is null
            ? context.T("WhoAmI.NotRegistered")
            : context.T("WhoAmI.SpeakFor", context.Delegation.Name)) with
        {
            Title = participant.DisplayName,
            Facts =
            [
                new Fact(context.T("WhoAmI.Delegation"), context.Delegation is null ? context.T("WhoAmI.None") : $"{context.Delegation.Name} ({context.Texts.Category(context.Delegation.Category)})"),
                new Fact(context.T("WhoAmI.Roles"), roles),
                new Fact(context.T("WhoAmI.Channel"), $"{participant.Channel} ({participant.ExternalId[..Math.Min(8, participant.ExternalId.Length)]}…)"),
                new Fact(context.T("WhoAmI.Language"), context.Texts.NameOf(context.Texts.Language)),
                .. requested is null ? [] : new[] { new Fact(context.T("WhoAmI.Request"), context.T("WhoAmI.RequestValue", requested.Name)) },
            ],
        });
    }

    public static Reply SessionDetails(CommandContext context, Session session) =>
        new(session.Description)
        {
            Title = $"{session.Code} — {session.Title}",
            Facts =
            [
                new Fact(context.T("Session.When"), context.T("Session.WhenValue", session.Day, context.Local(session.StartsAt, context.T("Format.DayTime")), context.Local(session.EndsAt))),
                new Fact(context.T("Session.Room"), session.Room),
                .. Optional(context.T("Session.Dimension"), session.Dimension),
                .. Optional(context.T("Session.Moderator"), session.Moderators),
                .. Optional(context.T("Session.Rapporteur"), session.Rapporteurs),
                new Fact(context.T("Session.Status"), context.T(session.Status switch
                {
                    SessionStatus.Open => session.ListOpen ? "Session.OpenListOpen" : "Session.OpenListClosed",
                    SessionStatus.Closed => "Session.Closed",
                    _ => "Session.Scheduled",
                })),
                .. session.Questions.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((q, i) => new Fact(context.T("Session.Question", i + 1), q)),
            ],
        };

    private static IEnumerable<Fact> Optional(string label, string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [new Fact(label, value)];

    private static CommandResult NextReply(CommandContext context, List<Session> sessions, string prefix)
    {
        var upcoming = sessions.Where(s => s.StartsAt > context.Now && s.Kind != SessionKind.Break).ToList();
        if (upcoming.Count == 0)
        {
            return CommandResult.Of(new Reply(context.T("Agenda.Ended", prefix, Span(context, sessions)).Trim()));
        }

        var start = upcoming.Min(s => s.StartsAt);
        return AgendaReply(context.T("Agenda.Next", prefix, context.Local(start, context.T("Format.DayTime"))).Trim(), upcoming.Where(s => s.StartsAt == start).ToList(), context);
    }

    private static CommandResult AgendaReply(string title, List<Session> sessions, CommandContext context) =>
        CommandResult.Of(new Reply("")
        {
            Title = title,
            Items = [.. sessions.Select((s, i) => new ListItem(i + 1,
                $"{context.Local(s.StartsAt)}–{context.Local(s.EndsAt)}  {s.Title}",
                $"{s.Code} · {s.Room}{(s.Moderators.Length > 0 ? context.T("Agenda.ModeratorDetail", s.Moderators) : "")}{(s.IsOpen ? context.T("Agenda.OpenDetail") : "")}"))],
        });

    private static DateOnly LocalDate(CommandContext context, Session session) =>
        DateOnly.FromDateTime(context.Meeting.ToLocal(session.StartsAt).DateTime);

    private static string Span(CommandContext context, List<Session> sessions) =>
        sessions.Count == 0 ? context.T("Agenda.NoSessions")
        : context.T("Agenda.Span", Day(context, LocalDate(context, sessions[0]), "Format.Date"), Day(context, LocalDate(context, sessions[^1]), "Format.Date"));

    /// <summary>A venue date in the person's language, in the pattern a resource gives (<c>Format.LongDate</c>…).</summary>
    private static string Day(CommandContext context, DateOnly date, string patternKey) =>
        date.ToString(context.T(patternKey), context.Texts.Culture);

    /// <summary>
    /// A command's help line in the person's language where it has one (the delegate's commands have it in all six);
    /// otherwise the catalogue's English.
    /// </summary>
    private static string GroupName(Texts texts, string group) =>
        texts[$"Group.{string.Concat(group.Where(char.IsLetter))}"] is { ResourceNotFound: false } localised ? localised.Value : group;

    private static async Task<bool> MayUseAsync(CommandContext context, CommandDefinition definition, Session? session) => definition.Access switch
    {
        Access.Anyone => true,
        Access.Delegation => context.Delegation is not null || context.IsOrganiser,
        Access.Moderator => context.IsOrganiser || context.Participant.Has(Roles.Moderator) || (session is not null && await context.ModeratesAsync(session)),
        Access.Reporting => context.IsOrganiser || context.Participant.Roles.HasFlag(Roles.Rapporteur) || context.Participant.Has(Roles.Moderator)
            || (session is not null && await context.ReportsOnAsync(session)),
        Access.Officials => await context.IsOfficialAsync(),
        _ => context.IsOrganiser,
    };
}
