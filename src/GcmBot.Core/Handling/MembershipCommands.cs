using System.Globalization;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

/// <summary>
/// Proven delegations: <c>register</c> joins a delegation at once only when the membership is proven (an organiser,
/// the meeting file's approved members, the rehearsal picker); anyone else's becomes a request that the delegation's
/// focal point or an organiser answers with <c>approve</c> / <c>decline</c> (<c>requests</c> lists them).
/// </summary>
internal static class MembershipCommands
{
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
                throw new CommandException(context.T("Register.Unknown", name));
            }

            delegation = existing ?? SecretariatCommands.NewDelegation(context, name, category);
        }
        else
        {
            delegation = await context.FindDelegationAsync(name);
        }

        var participant = context.Participant;
        if (participant.DelegationId == delegation.Id)
        {
            return CommandResult.Of(Reply.Private(context.T("Register.Already", delegation.Name)));
        }

        if (participant.RequestedDelegationId == delegation.Id)
        {
            return CommandResult.Of(Reply.Private(context.T("Register.AlreadyRequested", delegation.Name, await ApproversAsync(context, context.Texts, delegation))));
        }

        if (delegation.Id != 0 && await context.Data.CountMembersAsync(delegation.Id, context.CancellationToken) >= MeetingCommands.MaxDelegationMembers)
        {
            throw new CommandException(context.T("Register.Full", delegation.Name, MeetingCommands.MaxDelegationMembers));
        }

        if (delegation.Id == 0)
        {
            await context.Data.FlushAsync(context.CancellationToken);
        }

        if (context.IsOrganiser || context.Inbound.ApprovedRegistration || await IsApprovedInAdvanceAsync(context, delegation))
        {
            participant.Join(delegation, context.Now);
            context.Delegation = delegation;
            return CommandResult.Of(Reply.Private(context.T("Register.Done", delegation.Name, context.Texts.Category(delegation.Category))));
        }

        participant.RequestedDelegationId = delegation.Id;
        participant.RequestedAt = context.Now;
        foreach (var approver in await ApproverListAsync(context, delegation))
        {
            if (approver.Id != participant.Id)
            {
                context.Schedule(NoticeKind.DelegationRequest, context.Now, null, participantId: approver.Id);
            }
        }

        var stays = context.Delegation is { } current ? " " + context.T("Register.StillSpeakFor", current.Name) : "";
        return CommandResult.Of(Reply.Private(context.T("Register.Requested", delegation.Name, await ApproversAsync(context, context.Texts, delegation)) + stays)
            with { Title = context.T("Register.RequestedTitle") });
    }

    public static async Task<CommandResult> ListAsync(CommandContext context)
    {
        var requests = await VisibleRequestsAsync(context);
        var names = await context.Data.GetDelegationsAsync(requests.Select(r => r.RequestedDelegationId!.Value), context.CancellationToken);
        return CommandResult.Of(Reply.Private(context.T(requests.Count == 0 ? "Requests.None" : "Requests.Answer")) with
        {
            Title = context.T("Requests.Title"),
            Items = [.. requests.Select(r => new ListItem(r.Id,
                $"{r.DisplayName} — {names[r.RequestedDelegationId!.Value].Name}",
                context.T("Requests.Asked", r.Channel, context.Local(r.RequestedAt ?? context.Now, "ddd d MMM HH:mm"))))],
        });
    }

    public static async Task<CommandResult> AnswerAsync(CommandContext context, bool approve)
    {
        var requester = await FindRequestAsync(context, context.Command["person"]!);
        var delegation = (await context.Data.GetDelegationAsync(requester.RequestedDelegationId!.Value, context.CancellationToken))!;
        if (!approve)
        {
            requester.RequestedDelegationId = null;
            requester.RequestedAt = null;
            Tell(context, requester, "Request.Declined", delegation.Name, context.Participant.DisplayName);
            return CommandResult.Of(Reply.Private(context.T("Request.DeclinedDone", requester.DisplayName, delegation.Name)));
        }

        var members = await context.Data.CountMembersAsync(delegation.Id, context.CancellationToken);
        if (members >= MeetingCommands.MaxDelegationMembers)
        {
            throw new CommandException(context.T("Request.Full", delegation.Name, members, requester.DisplayName, requester.Id));
        }

        requester.Join(delegation, context.Now);
        Tell(context, requester, "Request.Approved", delegation.Name, context.Participant.DisplayName);
        return CommandResult.Of(Reply.Private(context.T("Request.ApprovedDone", requester.DisplayName, delegation.Name, members + 1, MeetingCommands.MaxDelegationMembers)));
    }

    /// <summary>
    /// <c>member remove</c>: the focal point or an organiser takes a member off the delegation (a focal point may not remove
    /// its last member). The person is told privately; what the delegation already has on the speakers list stays the delegation's.
    /// </summary>
    public static async Task<CommandResult> RemoveAsync(CommandContext context)
    {
        IEnumerable<Participant> members;
        if (context.IsOrganiser)
        {
            members = (await context.Data.GetParticipantsAsync(context.CancellationToken)).Where(p => p.DelegationId is not null);
        }
        else if (context.Delegation is { } own && await context.IsFocalPointAsync(own))
        {
            members = await context.Data.GetMembersAsync(own.Id, context.CancellationToken);
        }
        else
        {
            throw new CommandException(context.T("Member.RemoveNotAllowed"));
        }

        var typed = context.Command["person"]!;
        var member = Pick(context, [.. members], typed, context.T("Member.NotFound", typed));
        var delegation = (await context.Data.GetDelegationAsync(member.DelegationId!.Value, context.CancellationToken))!;
        if (!context.IsOrganiser && await context.Data.CountMembersAsync(delegation.Id, context.CancellationToken) == 1)
        {
            throw new CommandException(context.T("Member.RemoveLast", delegation.Name));
        }

        member.DelegationId = null;
        member.JoinedAt = null;
        context.Data.Update(member);
        if (member.Id == context.Participant.Id)
        {
            context.Participant.DelegationId = null;
            context.Participant.JoinedAt = null;
            context.Delegation = null;
        }
        else
        {
            Tell(context, member, "Member.Removed", delegation.Name, context.Participant.DisplayName);
        }

        return CommandResult.Of(Reply.Private(context.T("Member.RemoveDone", member.DisplayName, delegation.Name)));
    }

    /// <summary>The refusal for someone whose request waits, when a command would act for a delegation; null when none waits.</summary>
    public static async Task<string?> PendingRefusalAsync(CommandContext context)
    {
        if (context.Participant.RequestedDelegationId is not { } id || await context.Data.GetDelegationAsync(id, context.CancellationToken) is not { } delegation)
        {
            return null;
        }

        return context.T("Access.Pending", delegation.Name, await ApproversAsync(context, context.Texts, delegation), context.Command.Definition.Name);
    }

    /// <summary>The message to a focal point or an organiser about a request, in their language; null once it was answered or they may no longer answer it.</summary>
    public static async Task<Func<Texts, Reply>?> RequestMessageAsync(IMeetingData data, Participant requester, Participant recipient, CancellationToken ct)
    {
        if (requester.RequestedDelegationId is not { } id || await data.GetDelegationAsync(id, ct) is not { } delegation
            || !(recipient.Has(Roles.Organiser) || (await data.GetFirstMemberAsync(id, ct))?.Id == recipient.Id))
        {
            return null;
        }

        return texts => Reply.Private(texts.Format("Request.Message", requester.DisplayName, requester.Channel, delegation.Name, requester.Id)) with
        {
            Title = texts.Format("Request.MessageTitle", delegation.Name),
            Actions =
            [
                new ReplyAction(texts.Format("Request.ActionApprove"), $"/approve {requester.Id}", ActionStyle.Primary),
                new ReplyAction(texts.Format("Request.ActionDecline"), $"/decline {requester.Id}", ActionStyle.Danger),
            ],
        };
    }

    /// <summary>A private word to the person, written now in the language of messages sent to them later (<see cref="Texts.ForPerson"/>).</summary>
    private static void Tell(CommandContext context, Participant person, string key, params object[] arguments) =>
        context.Schedule(NoticeKind.Personal, context.Now, null, Texts.ForPerson(person, context.Meeting.DefaultLanguage).Format(key, arguments), participantId: person.Id);

    private static async Task<bool> IsApprovedInAdvanceAsync(CommandContext context, Delegation delegation)
    {
        string[] ids = context.Inbound.DirectoryId is { } directory ? [context.Inbound.UserId, directory] : [context.Inbound.UserId];
        return delegation.Id != 0 && await context.Data.IsApprovedMemberAsync(delegation.Id, context.Inbound.Channel, ids, context.CancellationToken);
    }

    /// <summary>Who is told of a request: the delegation's focal point and every organiser.</summary>
    private static async Task<List<Participant>> ApproverListAsync(CommandContext context, Delegation delegation)
    {
        var approvers = (await context.Data.GetParticipantsAsync(context.CancellationToken)).Where(p => p.Has(Roles.Organiser)).ToList();
        if (await context.Data.GetFirstMemberAsync(delegation.Id, context.CancellationToken) is { } focalPoint && approvers.All(a => a.Id != focalPoint.Id))
        {
            approvers.Insert(0, focalPoint);
        }

        return approvers;
    }

    private static async Task<string> ApproversAsync(CommandContext context, Texts texts, Delegation delegation) =>
        await context.Data.GetFirstMemberAsync(delegation.Id, context.CancellationToken) is { } focalPoint
            ? texts.Format("Approvers.FocalPoint", delegation.Name, focalPoint.DisplayName)
            : texts.Format("Approvers.Organisers");

    /// <summary>Organisers answer every request; a focal point those to join its own delegation.</summary>
    private static async Task<IReadOnlyList<Participant>> VisibleRequestsAsync(CommandContext context)
    {
        if (context.IsOrganiser)
        {
            return await context.Data.GetRequestsAsync(null, context.CancellationToken);
        }

        return context.Delegation is { } own && await context.IsFocalPointAsync(own)
            ? await context.Data.GetRequestsAsync(own.Id, context.CancellationToken)
            : throw new CommandException(context.T("Requests.NotAllowed"));
    }

    /// <summary>A waiting request by its number, or by the person's name (an ambiguous name lists the numbers to use).</summary>
    private static async Task<Participant> FindRequestAsync(CommandContext context, string typed)
    {
        var requests = await VisibleRequestsAsync(context);
        return Pick(context, requests, typed, context.T("Requests.NotFound", typed));
    }

    /// <summary>One of the people by number or by name; an ambiguous name changes nothing and lists the numbers to use.</summary>
    private static Participant Pick(CommandContext context, IReadOnlyList<Participant> people, string typed, string notFound)
    {
        var key = typed.Trim().TrimStart('#');
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && people.FirstOrDefault(r => r.Id == id) is { } numbered)
        {
            return numbered;
        }

        var named = people.Where(r => string.Equals(r.DisplayName, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0)
        {
            named = [.. people.Where(r => r.DisplayName.Contains(key, StringComparison.OrdinalIgnoreCase))];
        }

        return named.Count switch
        {
            1 => named[0],
            0 => throw new CommandException(notFound),
            _ => throw new CommandException(context.T("Person.Ambiguous", typed,
                string.Join(", ", named.Select(r => $"`{context.Command.Definition.Name} {r.Id}` ({r.DisplayName}, {r.Channel})")))),
        };
    }
}
