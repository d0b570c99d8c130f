using GcmBot.Core.Commands;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class ChairCommands
{
    public static async Task<CommandResult> OpenAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        if (session.IsOpen)
        {
            throw new CommandException($"{session.Code} is already open.");
        }

        if (session.Kind == SessionKind.Break)
        {
            throw new CommandException($"{session.Title} is a break, not a session with a speakers list.");
        }

        session.Status = SessionStatus.Open;
        session.ListOpen = true;
        session.CurrentSegment = Segment.Main;
        session.OpenedAt = context.Now;
        session.ClosedAt = null;
        ScheduleModeratorReminders(context, session);
        var reply = new Reply($"**{session.Title}** is open. The speakers list is open: delegations ask for the floor with `speak`; Member States have priority and time is kept at the end for at least {context.Rules.StakeholderSlots} other speakers. Statements: {DurationParser.Format(context.Rules.StatementFor(session.Flexible))}.")
        {
            Title = $"{session.Code} open — {session.Room}",
            Facts = [.. session.Questions.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((q, i) => new Fact($"Question {i + 1}", q))],
            Actions = [new ReplyAction("Join list", "/speak", ActionStyle.Primary), new ReplyAction("Submit a card", "/card")],
        };
        return CommandResult.Of(reply, new Announcement(session.Id, reply));
    }

    public static async Task<CommandResult> CloseAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        if (!session.IsOpen)
        {
            throw new CommandException($"{session.Code} is not open.");
        }

        await EndCurrentAsync(context, session);
        await context.CancelNoticesAsync(session.Id, null, NoticeKind.StakeholderSegment);
        await context.CancelNoticesAsync(session.Id, null, NoticeKind.SessionEnding);
        session.Status = SessionStatus.Closed;
        session.ListOpen = false;
        session.ClosedAt = context.Now;
        var waiting = (await context.Data.GetWaitingAsync(session.Id, context.CancellationToken)).Count;
        var reply = new Reply($"**{session.Title}** is closed. Thank you, delegations and stakeholders." + (waiting > 0 ? $" {waiting} request(s) for the floor were not reached; written recommendations are still welcome with `card`." : ""))
        {
            Title = $"{session.Code} closed",
        };
        return CommandResult.Of(reply, new Announcement(session.Id, reply));
    }

    public static async Task<CommandResult> NextAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        await EndCurrentAsync(context, session);
        var list = await context.ListAsync(session);
        var entry = list.Peek();
        if (entry is null)
        {
            return CommandResult.Of(new Reply($"Nobody is waiting for the floor in {session.Code}." + (session.ListOpen ? "" : " The list is closed: time for concluding remarks.")));
        }

        list.Leave(entry, EntryStatus.GivenFloor, context.Now);
        var delegation = (await context.Data.GetDelegationAsync(entry.DelegationId, context.CancellationToken))!;
        var intervention = new Intervention
        {
            SessionId = session.Id,
            DelegationId = entry.DelegationId,
            SpeakerEntryId = entry.Id,
            Kind = entry.Kind switch
            {
                RequestKind.PointOfOrder => InterventionKind.PointOfOrder,
                RequestKind.Reply => InterventionKind.Reply,
                _ => InterventionKind.Statement,
            },
            Segment = entry.Segment,
            StartedAt = context.Now,
            AllottedSeconds = (int)list.AllotmentOf(entry, context.Rules).TotalSeconds,
        };
        context.Data.Add(intervention);
        await context.Data.FlushAsync(context.CancellationToken);
        session.CurrentInterventionId = intervention.Id;
        TimerCommands.StartFor(context, session, intervention);

        var upNext = list.Peek();
        var facts = new List<Fact> { new("Time", DurationParser.Format(intervention.Allotted)) };
        if (upNext is not null)
        {
            var next = (await context.Data.GetDelegationAsync(upNext.DelegationId, context.CancellationToken))!;
            facts.Add(new Fact("Next", $"{next.Name} ({list.Ordered.Count} waiting)"));
        }

        var stakeholderTime = session.EndsAt - context.Rules.ConcludingRemarks - (context.Rules.StatementFor(session.Flexible) * context.Rules.StakeholderSlots);
        if (session.CurrentSegment == Segment.Main && context.Now >= stakeholderTime)
        {
            facts.Add(new Fact("Advice", $"It is time for the stakeholder segment (`stakeholders`): {context.Rules.StakeholderSlots} slots need about {DurationParser.Format(context.Rules.StatementFor(session.Flexible) * context.Rules.StakeholderSlots)}."));
        }

        var reply = new Reply($"The floor goes to **{delegation.Name}** ({(entry.Kind == RequestKind.Statement ? CategoryNames.Display(delegation.Category) : QueueView.Kind(entry.Kind))}).")
        {
            Title = $"{session.Code}: {delegation.Name} has the floor",
            Facts = facts,
            Deadline = intervention.Deadline,
            Actions = [new ReplyAction("Next", "/next", ActionStyle.Primary), new ReplyAction("Pause", "/timer pause"), new ReplyAction("Show list", "/queue")],
        };
        return CommandResult.Of(reply, [new Announcement(session.Id, reply with { Actions = [] }), .. FloorCues(session, delegation, intervention, upNext)]);
    }

    /// <summary>The speaker's delegation is told privately that it has the floor; the one after it, that it is next.</summary>
    private static IEnumerable<Announcement> FloorCues(Session session, Delegation speaker, Intervention intervention, SpeakerEntry? upNext)
    {
        yield return new Announcement(
            session.Id,
            Reply.Private($"**You have the floor** in {session.Code}, for {DurationParser.Format(intervention.Allotted)}.") with { Deadline = intervention.Deadline },
            Delegation: speaker.Id);
        if (upNext is not null)
        {
            yield return new Announcement(session.Id, Reply.Private($"**You are next** in {session.Code}, after {speaker.Name}. Please be ready."), Delegation: upNext.DelegationId);
        }
    }

    public static async Task<CommandResult> SetListOpenAsync(CommandContext context, bool open)
    {
        var session = await context.OpenSessionAsync();
        if (session.ListOpen == open)
        {
            throw new CommandException($"The speakers list of {session.Code} is already {(open ? "open" : "closed")}.");
        }

        session.ListOpen = open;
        var reply = new Reply(open
            ? $"The speakers list of {session.Code} is open again: `speak` to ask for the floor."
            : $"The speakers list of {session.Code} is closed. Delegations already on it will be heard; written recommendations remain welcome with `card`.");
        return CommandResult.Of(reply, new Announcement(session.Id, reply));
    }

    public static async Task<CommandResult> AddAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        var delegation = await context.FindDelegationAsync(context.Command["delegation"]!);
        return await FloorCommands.PlaceAsync(context, session, delegation, RequestKind.Statement, onBehalf: true);
    }

    public static async Task<CommandResult> RemoveAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        var delegation = await context.FindDelegationAsync(context.Command["delegation"]!);
        var list = await context.ListAsync(session);
        var entries = list.EntriesOf(delegation.Id).ToList();
        if (entries.Count == 0)
        {
            throw new CommandException($"{delegation.Name} is not on the speakers list of {session.Code}.");
        }

        foreach (var entry in entries)
        {
            list.Leave(entry, EntryStatus.Removed, context.Now);
        }

        return CommandResult.Of(new Reply($"{delegation.Name} was removed from the speakers list of {session.Code}."));
    }

    public static async Task<CommandResult> MoveAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        var delegation = await context.FindDelegationAsync(context.Command["delegation"]!);
        var position = context.Command.Number("position")!.Value;
        var list = await context.ListAsync(session);
        var entry = list.Find(delegation.Id, RequestKind.Statement) ?? list.EntriesOf(delegation.Id).FirstOrDefault()
            ?? throw new CommandException($"{delegation.Name} is not on the speakers list of {session.Code}.");
        if (position < 1)
        {
            throw new CommandException("Positions start at 1 (the next speaker).");
        }

        list.Move(entry, position);
        return CommandResult.Of(await QueueView.RenderAsync(context, session, list, Visibility.Conversation) with
        {
            Text = $"{delegation.Name} moved to #{list.PositionOf(entry)}.",
        });
    }

    public static async Task<CommandResult> StakeholdersAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        if (session.CurrentSegment == Segment.Stakeholders)
        {
            throw new CommandException($"The stakeholder segment of {session.Code} has already started.");
        }

        session.CurrentSegment = Segment.Stakeholders;
        await context.CancelNoticesAsync(session.Id, null, NoticeKind.StakeholderSegment);
        var waiting = (await context.ListAsync(session)).Ordered.Count(e => e.Segment == Segment.Stakeholders);
        var missing = Math.Max(0, context.Rules.StakeholderSlots - waiting);
        var reply = new Reply($"The stakeholder segment of {session.Code} begins: UN system, observers and non-governmental stakeholders now have the floor ({waiting} waiting)."
            + (missing > 0 ? $" {missing} more slot(s) are free: stakeholders, ask for the floor with `speak`." : ""))
        {
            Actions = [new ReplyAction("Join list", "/speak", ActionStyle.Primary)],
        };
        return CommandResult.Of(reply, new Announcement(session.Id, reply));
    }

    public static async Task<CommandResult> FlexAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        session.Flexible = context.Command["mode"] == "on";
        var reply = new Reply($"Statements in {session.Code} may now last {DurationParser.Format(context.Rules.StatementFor(session.Flexible))}.");
        return CommandResult.Of(reply, new Announcement(session.Id, reply));
    }

    public static async Task EndCurrentAsync(CommandContext context, Session session)
    {
        if (session.CurrentInterventionId is { } id
            && await context.Data.GetInterventionAsync(id, context.CancellationToken) is { EndedAt: null } current)
        {
            await TimerCommands.EndAsync(context, current);
        }

        session.CurrentInterventionId = null;
    }

    /// <summary>The moderator's reminders: time for the stakeholder segment, and time nearly up.</summary>
    public static void ScheduleModeratorReminders(CommandContext context, Session session)
    {
        var stakeholders = session.EndsAt - context.Reminders.StakeholderSegment;
        if (stakeholders > context.Now)
        {
            context.Schedule(NoticeKind.StakeholderSegment, stakeholders, session.Id);
        }

        var ending = session.EndsAt - context.Reminders.SessionEnding;
        if (ending > context.Now)
        {
            context.Schedule(NoticeKind.SessionEnding, ending, session.Id);
        }
    }
}
