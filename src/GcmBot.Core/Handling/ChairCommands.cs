using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class ChairCommands
{
    public static async Task<CommandResult> OpenAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        if (session.IsOpen)
        {
            throw new CommandException(context.T("Staff.Chair.AlreadyOpen", session.Code));
        }

        if (session.Kind == SessionKind.Break)
        {
            throw new CommandException(context.T("Staff.Chair.Break", session.Title));
        }

        session.Status = SessionStatus.Open;
        session.ListOpen = true;
        session.CurrentSegment = Segment.Main;
        session.OpenedAt = context.Now;
        session.ClosedAt = null;
        ScheduleModeratorReminders(context, session);
        Reply Opened(Texts texts) => new(texts.Format("Room.Opened", session.Title, context.Rules.StakeholderSlots, texts.Duration(context.Rules.StatementFor(session.Flexible))))
        {
            Title = texts.Format("Room.OpenedTitle", session.Code, session.Room),
            Facts = [.. session.Questions.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((q, i) => new Fact(texts.Format("Session.Question", i + 1), q))],
            Actions = [new ReplyAction(texts.Format("Action.Join"), "/speak", ActionStyle.Primary), new ReplyAction(texts.Format("Action.Card"), "/card")],
        };
        return CommandResult.Of(Opened(context.Texts), Announcement.Localised(session.Id, Opened));
    }

    public static async Task<CommandResult> CloseAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        if (!session.IsOpen)
        {
            throw new CommandException(context.T("Staff.Chair.NotOpen", session.Code));
        }

        await EndCurrentAsync(context, session);
        await context.CancelNoticesAsync(session.Id, null, NoticeKind.StakeholderSegment);
        await context.CancelNoticesAsync(session.Id, null, NoticeKind.SessionEnding);
        session.Status = SessionStatus.Closed;
        session.ListOpen = false;
        session.ClosedAt = context.Now;
        var waiting = (await context.Data.GetWaitingAsync(session.Id, context.CancellationToken)).Count;
        Reply Closed(Texts texts) => new(texts.Format("Room.Closed", session.Title) + (waiting > 0 ? texts.Format("Room.NotReached", waiting) : ""))
        {
            Title = texts.Format("Room.ClosedTitle", session.Code),
        };
        return CommandResult.Of(Closed(context.Texts), Announcement.Localised(session.Id, Closed));
    }

    public static async Task<CommandResult> NextAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        await EndCurrentAsync(context, session);
        var list = await context.ListAsync(session);
        var entry = list.Peek();
        if (entry is null)
        {
            return CommandResult.Of(new Reply(context.T("Staff.Chair.NobodyWaiting", session.Code) + (session.ListOpen ? "" : context.T("Staff.Chair.Concluding"))));
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
        var facts = new List<Fact> { new(context.T("Staff.Chair.Time"), context.Texts.Duration(intervention.Allotted)) };
        if (upNext is not null)
        {
            var next = (await context.Data.GetDelegationAsync(upNext.DelegationId, context.CancellationToken))!;
            facts.Add(new Fact(context.T("Action.Next"), context.T("Staff.Chair.NextValue", next.Name, list.Ordered.Count)));
        }

        var stakeholderTime = session.EndsAt - context.Rules.ConcludingRemarks - (context.Rules.StatementFor(session.Flexible) * context.Rules.StakeholderSlots);
        if (session.CurrentSegment == Segment.Main && context.Now >= stakeholderTime)
        {
            facts.Add(new Fact(context.T("Staff.Advice"), context.T("Staff.Chair.StakeholderAdvice", context.Rules.StakeholderSlots, context.Texts.Duration(context.Rules.StatementFor(session.Flexible) * context.Rules.StakeholderSlots))));
        }

        // The room hears who has the floor in its own language; the moderator's facts stay as the moderator reads them.
        Reply Floor(Texts texts) => new(texts.Format("Room.FloorGoesTo", delegation.Name, entry.Kind == RequestKind.Statement ? texts.Category(delegation.Category) : QueueView.Kind(texts, entry.Kind)))
        {
            Title = texts.Format("Room.HasFloorTitle", session.Code, delegation.Name),
            Facts = facts,
            Deadline = intervention.Deadline,
        };
        var reply = Floor(context.Texts) with
        {
            Actions = [new ReplyAction(context.T("Action.Next"), "/next", ActionStyle.Primary), new ReplyAction(context.T("Action.Pause"), "/timer pause"), new ReplyAction(context.T("Action.ShowList"), "/queue")],
        };
        return CommandResult.Of(reply, [Announcement.Localised(session.Id, Floor), .. FloorCues(session, delegation, intervention, upNext)]);
    }

    /// <summary>The speaker's delegation is told privately that it has the floor; the one after it, that it is next (each member in their language).</summary>
    private static IEnumerable<Announcement> FloorCues(Session session, Delegation speaker, Intervention intervention, SpeakerEntry? upNext)
    {
        Reply Floor(Texts texts) => Reply.Private(texts.Format("Cue.Floor", session.Code, texts.Duration(intervention.Allotted))) with { Deadline = intervention.Deadline };
        yield return Announcement.Localised(session.Id, Floor) with { Delegation = speaker.Id };
        if (upNext is not null)
        {
            Reply Next(Texts texts) => Reply.Private(texts.Format("Cue.Next", session.Code, speaker.Name));
            yield return Announcement.Localised(session.Id, Next) with { Delegation = upNext.DelegationId };
        }
    }

    public static async Task<CommandResult> SetListOpenAsync(CommandContext context, bool open)
    {
        var session = await context.OpenSessionAsync();
        if (session.ListOpen == open)
        {
            throw new CommandException(context.T(open ? "Staff.Chair.ListAlreadyOpen" : "Staff.Chair.ListAlreadyClosed", session.Code));
        }

        session.ListOpen = open;
        Reply Changed(Texts texts) => new(texts.Format(open ? "Room.ListReopened" : "Room.ListClosed", session.Code));
        return CommandResult.Of(Changed(context.Texts), Announcement.Localised(session.Id, Changed));
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
            throw new CommandException(context.T("Floor.NotOnList", delegation.Name, session.Code, ""));
        }

        foreach (var entry in entries)
        {
            list.Leave(entry, EntryStatus.Removed, context.Now);
        }

        return CommandResult.Of(new Reply(context.T("Staff.Chair.Removed", delegation.Name, session.Code)));
    }

    public static async Task<CommandResult> MoveAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        var delegation = await context.FindDelegationAsync(context.Command["delegation"]!);
        var position = context.Command.Number("position")!.Value;
        var list = await context.ListAsync(session);
        var entry = list.Find(delegation.Id, RequestKind.Statement) ?? list.EntriesOf(delegation.Id).FirstOrDefault()
            ?? throw new CommandException(context.T("Floor.NotOnList", delegation.Name, session.Code, ""));
        if (position < 1)
        {
            throw new CommandException(context.T("Staff.Chair.PositionsStart"));
        }

        list.Move(entry, position);
        return CommandResult.Of(await QueueView.RenderAsync(context, session, list, Visibility.Conversation) with
        {
            Text = context.T("Staff.Chair.Moved", delegation.Name, list.PositionOf(entry)),
        });
    }

    public static async Task<CommandResult> StakeholdersAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        if (session.CurrentSegment == Segment.Stakeholders)
        {
            throw new CommandException(context.T("Staff.Chair.StakeholdersStarted", session.Code));
        }

        session.CurrentSegment = Segment.Stakeholders;
        await context.CancelNoticesAsync(session.Id, null, NoticeKind.StakeholderSegment);
        var waiting = (await context.ListAsync(session)).Ordered.Count(e => e.Segment == Segment.Stakeholders);
        var missing = Math.Max(0, context.Rules.StakeholderSlots - waiting);
        Reply Begins(Texts texts) => new(texts.Format("Room.StakeholdersBegin", session.Code, waiting) + (missing > 0 ? texts.Format("Room.SlotsFree", missing) : ""))
        {
            Actions = [new ReplyAction(texts.Format("Action.Join"), "/speak", ActionStyle.Primary)],
        };
        return CommandResult.Of(Begins(context.Texts), Announcement.Localised(session.Id, Begins));
    }

    public static async Task<CommandResult> FlexAsync(CommandContext context)
    {
        var session = await context.OpenSessionAsync();
        session.Flexible = context.Command["mode"] == "on";
        Reply Flexed(Texts texts) => new(texts.Format("Room.Flex", session.Code, texts.Duration(context.Rules.StatementFor(session.Flexible))));
        return CommandResult.Of(Flexed(context.Texts), Announcement.Localised(session.Id, Flexed));
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
