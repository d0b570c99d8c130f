using System.Globalization;
using System.Text;
using GcmBot.Core.Commands;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class MeetingCommands
{
    public const int MaxDelegationMembers = 4;

    public static async Task<CommandResult> HelpAsync(CommandContext context)
    {
        if (context.Command["command"] is { } name)
        {
            var definition = CommandCatalogue.Find(name)
                ?? CommandCatalogue.All.FirstOrDefault(c => c.Name.StartsWith(CommandParser.NormaliseName(name), StringComparison.Ordinal))
                ?? throw new CommandException($"There is no command `{name}`. Type `help` for the list.");
            return CommandResult.Of(Reply.Private(definition.Summary) with
            {
                Title = definition.Usage,
                Facts =
                [
                    new Fact("Who", Describe(definition.Access)),
                    .. definition.Arguments.Select(a => new Fact($"<{a.Name}>", a.Description)),
                    new Fact("Example", string.Join("  ·  ", definition.Examples)),
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

        var text = new StringBuilder("Commands start with `/` in the web chat. `help <command>` explains one.");
        foreach (var group in visible.GroupBy(d => d.Group))
        {
            text.Append("\n\n**").Append(group.Key).Append("**");
            foreach (var definition in group)
            {
                text.Append("\n`").Append(definition.Usage).Append("` — ").Append(definition.Summary);
            }
        }

        return CommandResult.Of(Reply.Private(text.ToString()) with { Title = "GcmBot commands" });
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
                return AgendaReply($"Agenda for {date:dddd d MMMM yyyy}", onDate, context);
            }

            if (when.Length > 0)
            {
                throw new CommandException($"The meeting does not sit {when} ({Span(context, sessions)}). Try `agenda day 1`.");
            }

            return CommandResult.Of(new Reply(string.Join('\n', days.Select(d =>
                $"**Day {d.Key}** ({LocalDate(context, d.First()):dddd d MMMM}): {string.Join(", ", d.Where(s => s.Kind != SessionKind.Break).Select(s => s.Code))}")))
            {
                Title = $"{context.Meeting.Title} — {Span(context, sessions)}",
                Facts = [new Fact("Venue", context.Meeting.Venue), new Fact("More", "`agenda day 2`, `agenda now`, `agenda AG1`")],
            });
        }

        if (when == "now")
        {
            var running = sessions.Where(s => s.IsOpen || (s.StartsAt <= context.Now && context.Now < s.EndsAt)).ToList();
            return running.Count > 0
                ? AgendaReply($"Now ({context.Local(context.Now)})", running, context)
                : NextReply(context, sessions, "Nothing is running right now.");
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
                ? AgendaReply($"Day {day} — {LocalDate(context, onDay[0]):dddd d MMMM yyyy}", onDay, context)
                : throw new CommandException($"There is no day {day}: the meeting has {days.Count} days.");
        }

        var session = await context.FindSessionAsync(context.Command["when"]!);
        return CommandResult.Of(SessionDetails(context, session));
    }

    public static Task<CommandResult> WhoAmIAsync(CommandContext context)
    {
        var participant = context.Participant;
        var roles = participant.Roles == Roles.None ? "participant" : participant.Roles.ToString().ToLowerInvariant();
        return Task.FromResult(CommandResult.Of(Reply.Private(context.Delegation is null
            ? "You are not registered with a delegation yet: `register <delegation>`."
            : $"You speak for {context.Delegation.Name}.") with
        {
            Title = participant.DisplayName,
            Facts =
            [
                new Fact("Delegation", context.Delegation is null ? "none" : $"{context.Delegation.Name} ({CategoryNames.Display(context.Delegation.Category)})"),
                new Fact("Roles", roles),
                new Fact("Channel", $"{participant.Channel} ({participant.ExternalId[..Math.Min(8, participant.ExternalId.Length)]}…)"),
            ],
        }));
    }

    public static async Task<CommandResult> RegisterAsync(CommandContext context)
    {
        var name = context.Command["delegation"]!;
        Delegation delegation;
        if (context.Command["category"] is { } categoryText)
        {
            var category = CategoryNames.Parse(categoryText);
            var existing = (await context.Data.GetDelegationsAsync(context.Meeting.Id, context.CancellationToken))
                .FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
            if (existing is null && !context.IsOrganiser)
            {
                throw new CommandException($"`{name}` is not registered for this meeting. The secretariat registers new delegations; check the name with `register <delegation>`.");
            }

            delegation = existing ?? SecretariatCommands.NewDelegation(context, name, category);
        }
        else
        {
            delegation = await context.FindDelegationAsync(name);
        }

        if (context.Participant.DelegationId == delegation.Id)
        {
            return CommandResult.Of(Reply.Private($"You are already registered with {delegation.Name}."));
        }

        if (delegation.Id != 0 && await context.Data.CountMembersAsync(delegation.Id, context.CancellationToken) >= MaxDelegationMembers)
        {
            throw new CommandException($"{delegation.Name} already has {MaxDelegationMembers} registered members (delegations are 1 + 3). Ask the secretariat if someone should be replaced.");
        }

        if (delegation.Id == 0)
        {
            await context.Data.FlushAsync(context.CancellationToken);
        }

        context.Participant.DelegationId = delegation.Id;
        context.Participant.Roles |= Roles.Delegate;
        context.Delegation = delegation;
        return CommandResult.Of(Reply.Private($"You are registered with {delegation.Name} ({CategoryNames.Display(delegation.Category)}). Ask for the floor with `speak`, submit a recommendation with `card`."));
    }

    public static Reply SessionDetails(CommandContext context, Session session) =>
        new(session.Description)
        {
            Title = $"{session.Code} — {session.Title}",
            Facts =
            [
                new Fact("When", $"Day {session.Day}, {context.Local(session.StartsAt, "ddd d MMM HH:mm")}–{context.Local(session.EndsAt)}"),
                new Fact("Room", session.Room),
                .. Optional("Dimension", session.Dimension),
                .. Optional("Moderator", session.Moderators),
                .. Optional("Rapporteur", session.Rapporteurs),
                new Fact("Status", session.Status switch
                {
                    SessionStatus.Open => session.ListOpen ? "open — speakers list open" : "open — speakers list closed",
                    SessionStatus.Closed => "closed",
                    _ => "scheduled",
                }),
                .. session.Questions.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((q, i) => new Fact($"Question {i + 1}", q)),
            ],
        };

    private static IEnumerable<Fact> Optional(string label, string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [new Fact(label, value)];

    private static CommandResult NextReply(CommandContext context, List<Session> sessions, string prefix)
    {
        var upcoming = sessions.Where(s => s.StartsAt > context.Now && s.Kind != SessionKind.Break).ToList();
        if (upcoming.Count == 0)
        {
            return CommandResult.Of(new Reply($"{prefix} The meeting has ended ({Span(context, sessions)}). `agenda day 1` shows its programme.".Trim()));
        }

        var start = upcoming.Min(s => s.StartsAt);
        return AgendaReply($"{prefix} Next, at {context.Local(start, "ddd d MMM HH:mm")}".Trim(), upcoming.Where(s => s.StartsAt == start).ToList(), context);
    }

    private static CommandResult AgendaReply(string title, List<Session> sessions, CommandContext context) =>
        CommandResult.Of(new Reply("")
        {
            Title = title,
            Items = [.. sessions.Select((s, i) => new ListItem(i + 1,
                $"{context.Local(s.StartsAt)}–{context.Local(s.EndsAt)}  {s.Title}",
                $"{s.Code} · {s.Room}{(s.Moderators.Length > 0 ? " · moderator: " + s.Moderators : "")}{(s.IsOpen ? " · OPEN" : "")}"))],
        });

    private static DateOnly LocalDate(CommandContext context, Session session) =>
        DateOnly.FromDateTime(context.Meeting.ToLocal(session.StartsAt).DateTime);

    private static string Span(CommandContext context, List<Session> sessions) =>
        sessions.Count == 0 ? "no sessions yet"
        : $"{LocalDate(context, sessions[0]):d MMMM yyyy} to {LocalDate(context, sessions[^1]):d MMMM yyyy}";

    private static string Describe(Access access) => access switch
    {
        Access.Anyone => "everyone",
        Access.Delegation => "registered delegations",
        Access.Moderator => "the session's moderator, organisers",
        Access.Reporting => "the session's rapporteur and moderator, organisers",
        Access.Officials => "moderators, rapporteurs, organisers",
        _ => "organisers",
    };

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
