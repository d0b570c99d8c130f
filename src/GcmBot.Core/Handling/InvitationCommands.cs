using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

/// <summary><c>invite</c>, <c>invites</c>, <c>invite revoke</c>: sign-in links for the web chat.</summary>
internal static class InvitationCommands
{
    /// <summary>More than this many uses of one link is a link posted somewhere, not an invitation.</summary>
    public const int MaxUses = 50;

    /// <summary>Adds a new invitation; the token is returned for the link and never stored.</summary>
    public static (Invitation Invitation, string Token) Issue(IMeetingData data, int? delegationId, Roles role, int uses, DateTimeOffset now, TimeSpan lifetime, int? createdById)
    {
        var token = TokenHash.NewToken();
        var invitation = new Invitation
        {
            TokenHash = TokenHash.Of(token),
            DelegationId = delegationId,
            Role = role,
            MaxUses = uses,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            CreatedById = createdById,
        };
        data.Add(invitation);
        return (invitation, token);
    }

    public static async Task<CommandResult> InviteAsync(CommandContext context)
    {
        var role = Enum.Parse<Roles>(context.Command["role"] ?? "delegate", ignoreCase: true);
        var uses = context.Command.Number("uses") ?? 1;
        if (uses is < 1 or > MaxUses)
        {
            throw new CommandException($"An invitation is for 1 to {MaxUses} people, not {uses}. Nothing was created.");
        }

        var delegation = context.Command["delegation"] is { } name ? await context.FindDelegationAsync(name) : null;
        if (!context.IsOrganiser)
        {
            delegation ??= context.Delegation;
            if (role != Roles.Delegate || delegation is null || delegation.Id != context.Delegation?.Id || !context.IsFocalPoint(delegation))
            {
                throw new CommandException(context.Delegation is null || !context.IsFocalPoint(context.Delegation)
                    ? "Only organisers, and a delegation's focal point for its own members, can invite people. Nothing was created."
                    : $"As {context.Delegation.Name}'s focal point you can invite delegates of {context.Delegation.Name} only: `invite {context.Delegation.Name}`. Nothing was created.");
            }
        }

        if (role == Roles.Delegate && delegation is null)
        {
            throw new CommandException("A delegate's invitation names the delegation, for example `invite Mexico`; for a role without a delegation, `invite as moderator`. Nothing was created.");
        }

        if (delegation is not null)
        {
            var members = await context.Data.CountMembersAsync(delegation.Id, context.CancellationToken);
            var promised = (await context.Data.GetInvitationsAsync(context.CancellationToken))
                .Where(i => i.DelegationId == delegation.Id && i.IsLive(context.Now)).Sum(i => i.UsesLeft);
            var free = MeetingCommands.MaxDelegationMembers - members - promised;
            if (uses > free)
            {
                throw new CommandException($"{delegation.Name} has {members} members and {promised} unused invitation places; delegations are at most {MeetingCommands.MaxDelegationMembers} (1 + 3), so "
                    + (free > 0 ? $"at most {free} more can be invited." : "nobody more can be invited. Revoke an unused invitation first (`invites`).")
                    + " Nothing was created.");
            }
        }

        var (invitation, token) = Issue(context.Data, delegation?.Id, role, uses, context.Now, context.Invitations.InvitationLifetime, context.Participant.Id);
        await context.Data.FlushAsync(context.CancellationToken);
        var link = context.Links?.For(token) ?? $"/join/{token}";
        var who = delegation is null ? $"a {Name(role)}" : role == Roles.Delegate ? $"a delegate of {delegation.Name}" : $"a {Name(role)} of {delegation.Name}";
        return CommandResult.Of(Reply.Private($"Here is a sign-in link for {who}. It is a key: send it privately to the person, never in a public channel.\n{link}") with
        {
            Title = "Invitation",
            Facts =
            [
                new Fact("Uses", uses == 1 ? "one person" : $"{uses} people"),
                new Fact("Expires", context.Local(context.Now + context.Invitations.InvitationLifetime, "ddd d MMM yyyy HH:mm")),
                new Fact("Revoke", $"`invite revoke {invitation.Id}`"),
            ],
        });
    }

    public static async Task<CommandResult> ListAsync(CommandContext context)
    {
        var visible = new List<Invitation>();
        foreach (var invitation in await context.Data.GetInvitationsAsync(context.CancellationToken))
        {
            if (MayManage(context, invitation))
            {
                visible.Add(invitation);
            }
        }

        var names = await context.Data.GetDelegationsAsync(visible.Where(i => i.DelegationId is not null).Select(i => i.DelegationId!.Value), context.CancellationToken);
        return CommandResult.Of(Reply.Private(visible.Count == 0 ? "There are no invitations you can see." : "") with
        {
            Title = "Invitations",
            Items = [.. visible.Select(i => new ListItem(i.Id,
                i.DelegationId is { } id ? $"{names[id].Name} — {Name(i.Role)}" : Name(i.Role),
                i.MaxUses == 1 ? Status(context, i) : $"{Status(context, i)} · used {i.Uses} of {i.MaxUses}"))],
        });
    }

    public static async Task<CommandResult> RevokeAsync(CommandContext context)
    {
        var id = context.Command.Number("id")!.Value;
        var invitation = await context.Data.GetInvitationAsync(id, context.CancellationToken);
        if (invitation is null || !MayManage(context, invitation))
        {
            throw new CommandException($"There is no invitation #{id} that you can revoke. `invites` lists them.");
        }

        if (invitation.RevokedAt is not null)
        {
            return CommandResult.Of(Reply.Private($"Invitation #{id} was already revoked."));
        }

        invitation.RevokedAt = context.Now;
        return CommandResult.Of(Reply.Private($"Invitation #{id} is revoked: its link no longer signs anyone in. People who already joined with it stay."));
    }

    /// <summary>Organisers manage every invitation; a focal point those of its own delegation.</summary>
    private static bool MayManage(CommandContext context, Invitation invitation) =>
        context.IsOrganiser
        || (context.Delegation is not null && invitation.DelegationId == context.Delegation.Id && context.IsFocalPoint(context.Delegation));

    private static string Status(CommandContext context, Invitation invitation) =>
        invitation.RevokedAt is not null ? "revoked"
        : invitation.UsesLeft == 0 ? "used"
        : invitation.ExpiresAt <= context.Now ? "expired"
        : $"open until {context.Local(invitation.ExpiresAt, "ddd d MMM HH:mm")}";

    private static string Name(Roles role) => role.ToString().ToLowerInvariant();
}
