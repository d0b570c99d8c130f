using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Import;

namespace GcmBot.Core.Invitations;

/// <summary>
/// The meeting file's e-mail addresses: each gets one single-use invitation for its delegation, as a delegate. Only the
/// token's hash is stored, so the link made here is not kept; organisers get working links from <c>invites emails</c>
/// or <c>invite reissue</c>, which replace the address's unused link. An invitation takes none of the delegation's
/// four places until it is used.
/// </summary>
public static class EmailInvitations
{
    /// <summary>
    /// Brings the invitations in line with the file, for the current meeting: an address without a used or live
    /// invitation for its delegation gets one; an unused invitation whose address (for that delegation) the file no
    /// longer lists is revoked. Run at every start, so it is idempotent.
    /// </summary>
    public static async Task<EmailInvitationChanges> SyncAsync(IMeetingData data, MeetingFile file, DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var meeting = await data.GetMeetingAsync(cancellationToken);
        var delegations = meeting is null ? [] : (await data.GetDelegationsAsync(meeting.Id, cancellationToken))
            .GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var wanted = file.Delegations.Where(d => delegations.ContainsKey(d.Name))
            .SelectMany(d => d.Emails.Select(email => (DelegationId: delegations[d.Name], Email: email))).ToList();
        var existing = (await data.GetInvitationsAsync(cancellationToken)).Where(i => i.Email is not null).ToList();

        var revoked = 0;
        foreach (var stale in existing.Where(i => IsUnused(i) && !wanted.Any(w => Same(i, w.DelegationId, w.Email))))
        {
            await RevokeAsync(data, stale, now, cancellationToken);
            revoked++;
        }

        var created = 0;
        foreach (var (delegationId, email) in wanted)
        {
            var own = existing.Where(i => Same(i, delegationId, email)).ToList();
            if (own.Any(i => i.Uses > 0 || i.IsLive(now)))
            {
                continue;
            }

            // An expired link of the address is replaced, so that each address has one unused invitation at most.
            foreach (var expired in own.Where(IsUnused))
            {
                await RevokeAsync(data, expired, now, cancellationToken);
            }

            InvitationCommands.Issue(data, delegationId, Roles.Delegate, 1, now, lifetime, null, email);
            created++;
        }

        await data.FlushAsync(cancellationToken);
        return new EmailInvitationChanges(created, revoked);
    }

    /// <summary>The current meeting's invitations from its file, one per address: unused ones (waiting or expired) and used ones.</summary>
    public static async Task<IReadOnlyList<Invitation>> CurrentAsync(IMeetingData data, CancellationToken cancellationToken)
    {
        var meeting = await data.GetMeetingAsync(cancellationToken);
        if (meeting is null)
        {
            return [];
        }

        var delegations = (await data.GetDelegationsAsync(meeting.Id, cancellationToken)).Select(d => d.Id).ToHashSet();
        return [.. (await data.GetInvitationsAsync(cancellationToken))
            .Where(i => i.Email is not null && i.DelegationId is { } id && delegations.Contains(id) && (i.Uses > 0 || i.RevokedAt is null))];
    }

    /// <summary>Revokes <paramref name="previous"/> and makes the address a new link: only the newest works.</summary>
    public static async Task<(Invitation Invitation, string Token)> ReissueAsync(IMeetingData data, Invitation previous, DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await RevokeAsync(data, previous, now, cancellationToken);
        return InvitationCommands.Issue(data, previous.DelegationId, Roles.Delegate, 1, now, lifetime, null, previous.Email);
    }

    /// <summary>An address's invitation that a newer one for the same address and delegation replaced (and a used one replaces none).</summary>
    public static bool IsSuperseded(Invitation invitation, IReadOnlyList<Invitation> all) =>
        invitation.Email is not null && invitation.Uses == 0 && invitation.RevokedAt is not null
        && all.Any(i => i.Id > invitation.Id && Same(i, invitation.DelegationId, invitation.Email));

    private static bool IsUnused(Invitation invitation) => invitation.RevokedAt is null && invitation.Uses == 0;

    private static bool Same(Invitation invitation, int? delegationId, string email) =>
        invitation.DelegationId == delegationId && string.Equals(invitation.Email, email, StringComparison.OrdinalIgnoreCase);

    /// <summary>The list is read untracked; the revocation is written through the tracked row.</summary>
    private static async Task RevokeAsync(IMeetingData data, Invitation invitation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (await data.GetInvitationAsync(invitation.Id, cancellationToken))!.RevokedAt = now;
        invitation.RevokedAt = now;
    }
}
