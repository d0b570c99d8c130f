using System.Globalization;
using System.Text;
using CsvHelper;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Invitations;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

/// <summary>
/// <c>invite</c>, <c>invites</c>, <c>invite revoke</c>: sign-in links for the web chat; <c>invites emails</c> and
/// <c>invite reissue</c>: the links of the meeting file's addresses (<see cref="EmailInvitations"/>).
/// </summary>
internal static class InvitationCommands
{
    /// <summary>More than this many uses of one link is a link posted somewhere, not an invitation.</summary>
    public const int MaxUses = 50;

    /// <summary>Adds a new invitation; the token is returned for the link and never stored.</summary>
    public static (Invitation Invitation, string Token) Issue(IMeetingData data, int? delegationId, Roles role, int uses, DateTimeOffset now, TimeSpan lifetime, int? createdById, string? email = null)
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
            Email = email,
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
            throw new CommandException(context.T("Staff.Invite.UsesRange", MaxUses, uses));
        }

        var delegation = context.Command["delegation"] is { } name ? await context.FindDelegationAsync(name) : null;
        if (!context.IsOrganiser)
        {
            delegation ??= context.Delegation;
            if (role != Roles.Delegate || delegation is null || delegation.Id != context.Delegation?.Id || !context.IsFocalPoint(delegation))
            {
                throw new CommandException(context.Delegation is null || !context.IsFocalPoint(context.Delegation)
                    ? context.T("Staff.Invite.NotAllowed")
                    : context.T("Staff.Invite.OwnOnly", context.Delegation.Name));
            }
        }

        if (role == Roles.Delegate && delegation is null)
        {
            throw new CommandException(context.T("Staff.Invite.NeedsDelegation"));
        }

        if (delegation is not null)
        {
            var members = await context.Data.CountMembersAsync(delegation.Id, context.CancellationToken);

            // The meeting file's addresses take no place until used: the file may list more people than will come.
            var promised = (await context.Data.GetInvitationsAsync(context.CancellationToken))
                .Where(i => i.DelegationId == delegation.Id && i.Email is null && i.IsLive(context.Now)).Sum(i => i.UsesLeft);
            var free = MeetingCommands.MaxDelegationMembers - members - promised;
            if (uses > free)
            {
                throw new CommandException(free > 0
                    ? context.T("Staff.Invite.FullSome", delegation.Name, members, promised, MeetingCommands.MaxDelegationMembers, free)
                    : context.T("Staff.Invite.FullNone", delegation.Name, members, promised, MeetingCommands.MaxDelegationMembers));
            }
        }

        var (invitation, token) = Issue(context.Data, delegation?.Id, role, uses, context.Now, context.Invitations.InvitationLifetime, context.Participant.Id);
        await context.Data.FlushAsync(context.CancellationToken);
        var who = role == Roles.Delegate ? context.T("Staff.Invite.WhoDelegate", delegation!.Name)
            : delegation is null ? context.T($"Staff.Invite.Who{role}")
            : context.T("Staff.Invite.WhoOf", context.T($"Staff.Invite.Who{role}"), delegation.Name);
        return CommandResult.Of(Reply.Private(context.T("Staff.Invite.Link", who) + "\n" + Link(context, token)) with
        {
            Title = context.T("Staff.Invite.Title"),
            Facts =
            [
                new Fact(context.T("Staff.Invite.Uses"), uses == 1 ? context.T("Staff.Invite.UsesOne") : context.T("Staff.Invite.UsesMany", uses)),
                new Fact(context.T("Staff.Invite.Expires"), context.Local(invitation.ExpiresAt, "ddd d MMM yyyy HH:mm")),
                new Fact(context.T("Staff.Invite.Revoke"), $"`invite revoke {invitation.Id}`"),
            ],
        });
    }

    public static async Task<CommandResult> ListAsync(CommandContext context)
    {
        var all = await context.Data.GetInvitationsAsync(context.CancellationToken);
        var visible = new List<Invitation>();
        foreach (var invitation in all)
        {
            if (MayManage(context, invitation) && !EmailInvitations.IsSuperseded(invitation, all))
            {
                visible.Add(invitation);
            }
        }

        var names = await context.Data.GetDelegationsAsync(visible.Where(i => i.DelegationId is not null).Select(i => i.DelegationId!.Value), context.CancellationToken);
        return CommandResult.Of(Reply.Private(visible.Count == 0 ? context.T("Staff.Invite.ListEmpty") : "") with
        {
            Title = context.T("Staff.Invite.ListTitle"),
            Items = [.. visible.Select(i => new ListItem(i.Id,
                (i.DelegationId is { } id ? $"{names[id].Name} — {RoleName(context, i.Role)}" : RoleName(context, i.Role)) + (i.Email is { } email ? $" · {email}" : ""),
                i.MaxUses == 1 ? Status(context, i) : context.T("Staff.Invite.UsedOf", Status(context, i), i.Uses, i.MaxUses)))],
        });
    }

    public static async Task<CommandResult> RevokeAsync(CommandContext context)
    {
        var id = context.Command.Number("id")!.Value;
        var invitation = await context.Data.GetInvitationAsync(id, context.CancellationToken);
        if (invitation is null || !MayManage(context, invitation))
        {
            throw new CommandException(context.T("Staff.Invite.RevokeNotFound", id));
        }

        if (invitation.RevokedAt is not null)
        {
            return CommandResult.Of(Reply.Private(context.T("Staff.Invite.AlreadyRevoked", id)));
        }

        invitation.RevokedAt = context.Now;
        return CommandResult.Of(Reply.Private(context.T("Staff.Invite.Revoked", id)));
    }

    /// <summary>
    /// <c>invites emails</c>: a new link for every address of the meeting file whose invitation is unused, in a CSV for
    /// a mail merge. Links exist only when made (only hashes are stored), so each run replaces the previous links.
    /// </summary>
    public static async Task<CommandResult> EmailsAsync(CommandContext context)
    {
        var current = await EmailInvitations.CurrentAsync(context.Data, context.CancellationToken);
        var waiting = current.Where(i => i.Uses == 0).ToList();
        var used = current.Count - waiting.Count;
        if (waiting.Count == 0)
        {
            return CommandResult.Of(Reply.Private(context.T("Staff.Invite.Emails.None") + UsedNote(context, used)));
        }

        var names = await context.Data.GetDelegationsAsync(waiting.Select(i => i.DelegationId!.Value), context.CancellationToken);
        var rows = new List<(string Email, string Delegation, string Link, DateTimeOffset Expires)>();
        foreach (var previous in waiting.OrderBy(i => names[i.DelegationId!.Value].Name, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Email, StringComparer.OrdinalIgnoreCase))
        {
            var (invitation, token) = await EmailInvitations.ReissueAsync(context.Data, previous, context.Now, context.Invitations.InvitationLifetime, context.CancellationToken);
            rows.Add((invitation.Email!, names[invitation.DelegationId!.Value].Name, Link(context, token), invitation.ExpiresAt));
        }

        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(writer, SpreadsheetCsv.Configuration))
        {
            // A spreadsheet's mail merge reads the column names: they stay English, as the other exports' do.
            csv.WriteRecords(rows.Select(r => new
            {
                r.Email,
                r.Delegation,
                r.Link,
                Expires = context.Local(r.Expires, "yyyy-MM-dd HH:mm"),
            }));
        }

        return CommandResult.Of(Reply.Private(context.Texts.Plural("Staff.Invite.Emails.Done", rows.Count) + UsedNote(context, used)) with
        {
            Title = context.T("Staff.Invite.Emails.Title"),
            Attachment = new Attachment("invitations-by-email.csv", "text/csv", Encoding.UTF8.GetBytes(writer.ToString())),
        });
    }

    /// <summary><c>invite reissue &lt;address&gt;</c>: a new link for one address of the meeting file; its previous one stops working.</summary>
    public static async Task<CommandResult> ReissueAsync(CommandContext context)
    {
        var address = context.Command["address"]!.Trim();
        if (address.StartsWith("email:", StringComparison.OrdinalIgnoreCase))
        {
            address = address["email:".Length..];
        }

        var current = (await EmailInvitations.CurrentAsync(context.Data, context.CancellationToken))
            .FirstOrDefault(i => string.Equals(i.Email, address, StringComparison.OrdinalIgnoreCase))
            ?? throw new CommandException(context.T("Staff.Invite.Reissue.NotFound", address));
        var delegation = (await context.Data.GetDelegationAsync(current.DelegationId!.Value, context.CancellationToken))!;
        if (current.Uses > 0)
        {
            throw new CommandException(context.T("Staff.Invite.Reissue.Used", current.Email, delegation.Name));
        }

        var (invitation, token) = await EmailInvitations.ReissueAsync(context.Data, current, context.Now, context.Invitations.InvitationLifetime, context.CancellationToken);
        await context.Data.FlushAsync(context.CancellationToken);
        return CommandResult.Of(Reply.Private(context.T("Staff.Invite.Reissue.Done", invitation.Email, delegation.Name) + "\n" + Link(context, token)) with
        {
            Title = context.T("Staff.Invite.Title"),
            Facts =
            [
                new Fact(context.T("Staff.Invite.Expires"), context.Local(invitation.ExpiresAt, "ddd d MMM yyyy HH:mm")),
                new Fact(context.T("Staff.Invite.Revoke"), $"`invite revoke {invitation.Id}`"),
            ],
        });
    }

    private static string UsedNote(CommandContext context, int used) =>
        used == 0 ? "" : " " + context.Texts.Plural("Staff.Invite.Emails.Used", used);

    private static string Link(CommandContext context, string token) => context.Links?.For(token) ?? $"/join/{token}";

    /// <summary>Organisers manage every invitation; a focal point those of its own delegation.</summary>
    private static bool MayManage(CommandContext context, Invitation invitation) =>
        context.IsOrganiser
        || (context.Delegation is not null && invitation.DelegationId == context.Delegation.Id && context.IsFocalPoint(context.Delegation));

    private static string Status(CommandContext context, Invitation invitation) =>
        invitation.RevokedAt is not null ? context.T("Staff.Invite.Status.Revoked")
        : invitation.UsesLeft == 0 ? context.T("Staff.Invite.Status.Used")
        : invitation.ExpiresAt <= context.Now ? context.T("Staff.Invite.Status.Expired")
        : context.T("Staff.Invite.Status.Open", context.Local(invitation.ExpiresAt, context.T("Format.DayTime")));

    private static string RoleName(CommandContext context, Roles role) => context.T($"Role.{role}");
}
