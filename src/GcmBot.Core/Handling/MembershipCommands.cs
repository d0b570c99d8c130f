using System.Globalization;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

/// <summary>
/// Proven delegations: <c>register</c> joins a delegation at once only when the membership is proven (an organiser,
/// the meeting file's approved members, the rehearsal picker); anyone else's becomes a request that the delegation's
/// focal point or an organiser answers with <c>approve</c> / <c>decline</c> (<c>requests</c> lists them). Every change of
/// membership goes through <see cref="JoinAsync"/> and <see cref="LeaveAsync"/>, which keep <see cref="Delegation.FocalPointId"/>
/// on a member: the first member becomes focal point, and one who leaves hands the role to the next in the order they joined.
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
            await JoinAsync(context, participant, delegation);
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

        await JoinAsync(context, requester, delegation);
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
        else if (context.Delegation is { } own && context.IsFocalPoint(own))
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

        // The list was read without tracking: the person running the command is changed through their own tracked row.
        if (member.Id == context.Participant.Id)
        {
            await LeaveAsync(context, context.Participant);
            context.Delegation = null;
        }
        else
        {
            await LeaveAsync(context, member);
            context.Data.Update(member);
            Tell(context, member, "Member.Removed", delegation.Name, context.Participant.DisplayName);
        }

        return CommandResult.Of(Reply.Private(context.T("Member.RemoveDone", member.DisplayName, delegation.Name)));
    }

    /// <summary>
    /// <c>focal point &lt;person&gt;</c>: the focal point hands its role to another member of its delegation; an organiser
    /// gives it to any member of any delegation. The new focal point and the one it replaces are told privately.
    /// </summary>
    public static async Task<CommandResult> FocalPointAsync(CommandContext context)
    {
        var typed = context.Command["person"]!;
        Participant member;
        if (context.IsOrganiser)
        {
            var members = (await context.Data.GetParticipantsAsync(context.CancellationToken)).Where(p => p.DelegationId is not null).ToList();
            member = Pick(context, members, typed, context.T("FocalPoint.NoMember", typed));
        }
        else if (context.Delegation is { } own && context.IsFocalPoint(own))
        {
            member = Pick(context, await context.Data.GetMembersAsync(own.Id, context.CancellationToken), typed, context.T("FocalPoint.NotMember", typed, own.Name));
        }
        else
        {
            throw new CommandException(context.T("FocalPoint.NotAllowed"));
        }

        var delegation = (await context.Data.GetDelegationAsync(member.DelegationId!.Value, context.CancellationToken))!;
        if (delegation.FocalPointId == member.Id)
        {
            return CommandResult.Of(Reply.Private(context.T("FocalPoint.Already", member.DisplayName, delegation.Name)));
        }

        var previous = await context.Data.GetFocalPointAsync(delegation.Id, context.CancellationToken);
        delegation.FocalPointId = member.Id;
        if (member.Id != context.Participant.Id)
        {
            Tell(context, member, "FocalPoint.Given", delegation.Name, context.Participant.DisplayName);
        }

        if (previous is not null && previous.Id != context.Participant.Id)
        {
            Tell(context, previous, "FocalPoint.Taken", delegation.Name, context.Participant.DisplayName, member.DisplayName);
        }

        return CommandResult.Of(Reply.Private(context.T("FocalPoint.Done", member.DisplayName, delegation.Name)));
    }

    /// <summary>Makes the person a member of the delegation (leaving any other one): its first member becomes its focal point.</summary>
    private static async Task JoinAsync(CommandContext context, Participant person, Delegation delegation)
    {
        if (person.DelegationId is { } other && other != delegation.Id)
        {
            await LeaveAsync(context, person);
        }

        person.Join(delegation, context.Now);
        if (await context.Data.GetFocalPointAsync(delegation.Id, context.CancellationToken) is null)
        {
            delegation.FocalPointId = person.Id;
        }
    }

    /// <summary>Takes the person off their delegation; when they were its focal point the next member, in the order they joined, is, and is told.</summary>
    private static async Task LeaveAsync(CommandContext context, Participant person)
    {
        var delegation = (await context.Data.GetDelegationAsync(person.DelegationId!.Value, context.CancellationToken))!;
        person.DelegationId = null;
        person.JoinedAt = null;
        if (delegation.FocalPointId != person.Id)
        {
            return;
        }

        var next = (await context.Data.GetMembersAsync(delegation.Id, context.CancellationToken)).FirstOrDefault(m => m.Id != person.Id);
        delegation.FocalPointId = next?.Id;
        if (next is not null)
        {
            Tell(context, next, "FocalPoint.Inherited", delegation.Name, person.DisplayName);
        }
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
            || !(recipient.Has(Roles.Organiser) || (await data.GetFocalPointAsync(id, ct))?.Id == recipient.Id))
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
        if (await context.Data.GetFocalPointAsync(delegation.Id, context.CancellationToken) is { } focalPoint && approvers.All(a => a.Id != focalPoint.Id))
        {
            approvers.Insert(0, focalPoint);
        }

        return approvers;
    }

    private static async Task<string> ApproversAsync(CommandContext context, Texts texts, Delegation delegation) =>
        await context.Data.GetFocalPointAsync(delegation.Id, context.CancellationToken) is { } focalPoint
            ? texts.Format("Approvers.FocalPoint", delegation.Name, focalPoint.DisplayName)
            : texts.Format("Approvers.Organisers");

    /// <summary>Organisers answer every request; a focal point those to join its own delegation.</summary>
    private static async Task<IReadOnlyList<Participant>> VisibleRequestsAsync(CommandContext context)
    {
        if (context.IsOrganiser)
        {
            return await context.Data.GetRequestsAsync(null, context.CancellationToken);
        }

        return context.Delegation is { } own && context.IsFocalPoint(own)
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
