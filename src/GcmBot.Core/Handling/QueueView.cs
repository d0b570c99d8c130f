using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Core.Speaking;

namespace GcmBot.Core.Handling;

/// <summary>Renders a session's speakers list: the rows, the viewer's place, and the moderator's estimate.</summary>
internal static class QueueView
{
    /// <summary>Entries a reply lists unless the whole list is asked for: what a chat message can show legibly.</summary>
    public const int Shown = 20;

    /// <param name="whole">Every entry; otherwise the next <see cref="Shown"/> and a count of the others.</param>
    public static async Task<Reply> RenderAsync(CommandContext context, Session session, SpeakersList list, Visibility visibility, bool whole = false)
    {
        var ordered = list.Ordered;
        var shown = whole ? ordered : [.. ordered.Take(Shown)];
        var delegations = await context.Data.GetDelegationsAsync(shown.Select(e => e.DelegationId), context.CancellationToken);
        var texts = context.Texts;
        var items = shown.Select((e, i) => new ListItem(i + 1, delegations[e.DelegationId].Name, Detail(texts, e, delegations[e.DelegationId]), e.Segment)).ToList();
        var facts = new List<Fact>();
        if (ordered.Count > shown.Count)
        {
            facts.Add(new Fact(texts.Format("Queue.AlsoWaiting"), texts.Format("Queue.AlsoWaitingValue", ordered.Count - shown.Count, ordered.Count)));
        }

        var current = session.CurrentInterventionId is { } id ? await context.Data.GetInterventionAsync(id, context.CancellationToken) : null;
        if (current is { EndedAt: null })
        {
            facts.Add(new Fact(texts.Format("Queue.Floor"), texts.Format("Queue.FloorValue", await TimerCommands.SpeakerAsync(context, current), context.Local(current.StartedAt, "HH:mm:ss"), texts.Duration(current.Allotted))));
        }

        if (context.Delegation is { } mine)
        {
            var own = list.EntriesOf(mine.Id).Select(e => $"#{list.PositionOf(e)}{(e.Kind == RequestKind.Statement ? "" : $" ({Kind(texts, e.Kind)})")}").ToList();
            facts.Add(new Fact(texts.Format("Queue.YourPlace"), own.Count > 0 ? string.Join(", ", own) : texts.Format("Queue.NotOnList")));
        }

        facts.Add(new Fact(texts.Format("Queue.Segment"), texts.Format(session.CurrentSegment == Segment.Stakeholders ? "Queue.Stakeholders" : "Queue.MemberStates")));
        facts.Add(new Fact(texts.Format("Queue.Statements"), texts.Duration(context.Rules.StatementFor(session.Flexible))));
        if (!session.ListOpen)
        {
            facts.Add(new Fact(texts.Format("Queue.List"), texts.Format("Queue.Closed")));
        }

        var moderates = await context.ModeratesAsync(session);
        if (moderates)
        {
            facts.AddRange(EstimateFacts(context, session, list, current));
        }

        List<ReplyAction> actions = context.Delegation is { } delegation ? PlaceActions(texts, list, delegation) : [];
        if (moderates)
        {
            actions.Add(new ReplyAction(texts.Format("Action.Next"), "/next", ActionStyle.Primary));
        }

        return new Reply(ordered.Count == 0 ? texts.Format("Queue.Empty") : "")
        {
            Title = texts.Format("Queue.Title", session.Code, session.Title),
            Visibility = visibility,
            Items = items,
            Facts = facts,
            Actions = actions,
            Deadline = current is { EndedAt: null, TimerState: TimerState.Running } ? current.Deadline : null,
        };
    }

    private static IEnumerable<Fact> EstimateFacts(CommandContext context, Session session, SpeakersList list, Intervention? current)
    {
        var remaining = current is { EndedAt: null } ? SpeakingTimer.Remaining(current, context.Now) : TimeSpan.Zero;
        var estimate = list.Estimate(context.Now, remaining, context.Rules);
        var texts = context.Texts;
        yield return new Fact(texts.Format("Staff.Queue.EstimatedEnd"), texts.Format("Staff.Queue.EstimatedEndValue", context.Local(estimate.EstimatedEnd), context.Local(estimate.SessionEnd), texts.Duration(context.Rules.ConcludingRemarks), Reserved(texts, estimate)));
        var advice = estimate.Advice switch
        {
            QueueAdvice.AllowThreeMinutes => texts.Format("Staff.Queue.AllowThree"),
            QueueAdvice.CloseList => texts.Format("Staff.Queue.CloseList", estimate.CanStillBeHeard, estimate.Waiting),
            _ => null,
        };
        if (advice is not null)
        {
            yield return new Fact(texts.Format("Staff.Advice"), advice);
        }
    }

    /// <summary>What a delegation can do about its place: join when it has none, otherwise take back what it has.</summary>
    public static List<ReplyAction> PlaceActions(Texts texts, SpeakersList list, Delegation delegation)
    {
        var hasReply = list.Find(delegation.Id, RequestKind.Reply) is not null;
        var actions = new List<ReplyAction>();
        if (list.EntriesOf(delegation.Id).Any(e => e.Kind != RequestKind.Reply))
        {
            actions.Add(new ReplyAction(texts.Format("Action.Withdraw"), "/withdraw"));
        }
        else
        {
            actions.Add(new ReplyAction(texts.Format("Action.Join"), "/speak", ActionStyle.Primary));
        }

        if (hasReply)
        {
            actions.Add(new ReplyAction(texts.Format("Action.WithdrawReply"), "/withdraw reply"));
        }

        return actions;
    }

    /// <summary>What the estimate kept for stakeholders, so the moderator sees why it ends when it does.</summary>
    private static string Reserved(Texts texts, QueueEstimate estimate)
    {
        if (estimate.StakeholderReserveWanted == TimeSpan.Zero)
        {
            return texts.Format("Staff.Queue.NoReserve");
        }

        var asked = estimate.StakeholdersWaiting == 0 ? texts.Format("Staff.Queue.NoneAsked") : texts.Format("Staff.Queue.StakeholdersWaiting", estimate.StakeholdersWaiting);
        return estimate.StakeholderReserve == TimeSpan.Zero
            ? texts.Format("Staff.Queue.ReserveNone", asked)
            : estimate.StakeholderReserve < estimate.StakeholderReserveWanted
                ? texts.Format("Staff.Queue.ReservePart", asked, texts.Duration(estimate.StakeholderReserve), texts.Duration(estimate.StakeholderReserveWanted))
                : texts.Format("Staff.Queue.ReserveFull", asked, texts.Duration(estimate.StakeholderReserve));
    }

    public static string Kind(Texts texts, RequestKind kind) => texts.Format($"Kind.{kind}");

    private static string Detail(Texts texts, SpeakerEntry entry, Delegation delegation) =>
        entry.Kind == RequestKind.Statement
            ? texts.Category(delegation.Category) + (entry.Returning ? texts.Format("Queue.HasSpoken") : "")
            : $"{Kind(texts, entry.Kind)} · {texts.Category(delegation.Category)}";
}
