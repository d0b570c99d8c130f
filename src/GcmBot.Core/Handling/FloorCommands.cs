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
            throw new CommandException($"The speakers list of {session.Code} is closed. You can still raise a `point of order`, or ask the moderator.");
        }

        return await PlaceAsync(context, session, delegation, kind, onBehalf: false);
    }

    /// <summary>Puts a delegation on the list, by its own request or by the moderator on its behalf.</summary>
    public static async Task<CommandResult> PlaceAsync(CommandContext context, Session session, Delegation delegation, RequestKind kind, bool onBehalf)
    {
        var list = await context.ListAsync(session);
        if (list.Find(delegation.Id, kind) is { } existing)
        {
            throw new CommandException($"{delegation.Name} is already on the list of {session.Code} ({QueueView.Kind(kind)}), at #{list.PositionOf(existing)}.");
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
            RequestKind.PointOfOrder => "raised a point of order",
            RequestKind.Reply => "asked for a right of reply",
            _ => onBehalf ? "was added to the speakers list" : "asked for the floor",
        };
        var segment = entry.Segment == Segment.Stakeholders ? " in the stakeholder segment" : "";
        return CommandResult.Of(new Reply($"**{delegation.Name}** {what}: #{position} of {list.Ordered.Count}{segment}.")
        {
            Facts = [new Fact("Position", position.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Actions = [.. QueueView.PlaceActions(list, delegation), new ReplyAction("Show list", "/queue")],
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
                ? $"{delegation.Name} has no right of reply waiting in {session.Code}."
                : $"{delegation.Name} is not on the speakers list of {session.Code}{(list.Find(delegation.Id, RequestKind.Reply) is null ? "" : " except for its right of reply (`withdraw reply` takes it back)")}.");
        }

        foreach (var entry in entries)
        {
            list.Leave(entry, EntryStatus.Withdrawn, context.Now);
        }

        if (reply)
        {
            return CommandResult.Of(new Reply($"**{delegation.Name}** withdrew its right of reply in {session.Code}.") { Actions = QueueView.PlaceActions(list, delegation) });
        }

        var kept = list.Find(delegation.Id, RequestKind.Reply);
        return CommandResult.Of(new Reply($"**{delegation.Name}** withdrew from the speakers list of {session.Code}. `speak` puts it back, at the end."
            + (kept is null ? "" : $" Its right of reply stays, at #{list.PositionOf(kept)}."))
        {
            Actions = QueueView.PlaceActions(list, delegation),
        });
    }

    public static async Task<CommandResult> QueueAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        var list = await context.ListAsync(session);
        return CommandResult.Of(await QueueView.RenderAsync(context, session, list, Visibility.Private, whole: context.Command["which"] == "all"));
    }
}
