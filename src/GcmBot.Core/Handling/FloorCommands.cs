using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class FloorCommands
{
    public static async Task<CommandResult> RequestAsync(CommandContext context, RequestKind kind)
    {
        var session = await context.OpenSessionAsync();
        var delegation = context.RequireDelegation();
        if (!session.ListOpen && kind != RequestKind.PointOfOrder)
        {
            throw new CommandException(context.T("Floor.ListClosed", session.Code));
        }

        return await PlaceAsync(context, session, delegation, kind, onBehalf: false);
    }

    /// <summary>Puts a delegation on the list, by its own request or by the moderator on its behalf.</summary>
    public static async Task<CommandResult> PlaceAsync(CommandContext context, Session session, Delegation delegation, RequestKind kind, bool onBehalf)
    {
        var list = await context.ListAsync(session);
        if (list.Find(delegation.Id, kind) is { } existing)
        {
            throw new CommandException(context.T("Floor.AlreadyOnList", delegation.Name, session.Code, QueueView.Kind(context.Texts, kind), list.PositionOf(existing)));
        }

        var entry = new SpeakerEntry
        {
            SessionId = session.Id,
            DelegationId = delegation.Id,
            Kind = kind,
            Returning = await context.Data.HasSpokenAsync(session.Id, delegation.Id, context.CancellationToken),
            RequestedByParticipantId = context.Participant.Id,
            RequestedAt = context.Now,
        };
        list.Place(entry, delegation, context.Rules.FirstTimeSpeakersFirst);
        context.Data.Add(entry);
        await context.Data.FlushAsync(context.CancellationToken);

        var position = list.PositionOf(entry);
        var what = kind switch
        {
            RequestKind.PointOfOrder => "Floor.Placed.PointOfOrder",
            RequestKind.Reply => "Floor.Placed.Reply",
            _ => onBehalf ? "Floor.Placed.OnBehalf" : "Floor.Placed.Statement",
        };
        var segment = entry.Segment == Segment.Stakeholders ? context.T("Floor.InStakeholderSegment") : "";
        return CommandResult.Of(new Reply(context.T(what, delegation.Name, position, list.Ordered.Count, segment))
        {
            Facts = [new Fact(context.T("Fact.Position"), position.ToString(context.Texts.Culture))],
            Actions = [.. QueueView.PlaceActions(context.Texts, list, delegation), new ReplyAction(context.T("Action.ShowList"), "/queue")],
        });
    }

    /// <summary>
    /// Takes back the delegation's requests for the floor, or with <paramref name="reply"/> its right of reply only:
    /// a reply answers something said and is not given up by leaving the list.
    /// </summary>
    public static async Task<CommandResult> WithdrawAsync(CommandContext context, bool reply)
    {
        var session = await context.TargetSessionAsync();
        var delegation = context.RequireDelegation();
        var list = await context.ListAsync(session);
        var entries = list.EntriesOf(delegation.Id).Where(e => (e.Kind == RequestKind.Reply) == reply).ToList();
        if (entries.Count == 0)
        {
            throw new CommandException(reply
                ? context.T("Floor.NoReplyWaiting", delegation.Name, session.Code)
                : context.T("Floor.NotOnList", delegation.Name, session.Code, list.Find(delegation.Id, RequestKind.Reply) is null ? "" : context.T("Floor.ExceptReply")));
        }

        foreach (var entry in entries)
        {
            list.Leave(entry, EntryStatus.Withdrawn, context.Now);
        }

        if (reply)
        {
            return CommandResult.Of(new Reply(context.T("Floor.WithdrewReply", delegation.Name, session.Code)) { Actions = QueueView.PlaceActions(context.Texts, list, delegation) });
        }

        var kept = list.Find(delegation.Id, RequestKind.Reply);
        return CommandResult.Of(new Reply(context.T("Floor.Withdrew", delegation.Name, session.Code)
            + (kept is null ? "" : context.T("Floor.ReplyStays", list.PositionOf(kept))))
        {
            Actions = QueueView.PlaceActions(context.Texts, list, delegation),
        });
    }

    public static async Task<CommandResult> QueueAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        var list = await context.ListAsync(session);
        return CommandResult.Of(await QueueView.RenderAsync(context, session, list, Visibility.Private, whole: context.Command["which"] == "all"));
    }
}
