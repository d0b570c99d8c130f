using GcmBot.Core.Commands;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Localisation;
using Microsoft.Extensions.Options;

namespace GcmBot.Core.Invitations;

/// <summary>Opening an invitation, and the first organiser's link on a fresh database.</summary>
public sealed class InvitationService
{
    private readonly IMeetingStore _store;
    private readonly TimeProvider _time;
    private readonly InvitationRules _rules;

    public InvitationService(IMeetingStore store, TimeProvider time, IOptions<InvitationRules> rules)
    {
        _store = store;
        _time = time;
        _rules = rules.Value;
    }

    /// <summary>
    /// Signs a new participant in with the invitation's delegation and role and uses up one of its places, in one
    /// transaction: a refused link stores nothing. A refusal is written in <paramref name="language"/> (the browser's,
    /// since the person is not known yet), else the meeting's default language.
    /// </summary>
    public Task<Redemption> RedeemAsync(string token, string channel, string userId, string name, string? language, CancellationToken cancellationToken) =>
        _store.ExecuteAsync(async (data, ct) =>
        {
            var texts = Texts.For(language, (await data.GetMeetingAsync(ct))?.DefaultLanguage);
            if (ControlCharacters.InName(name, texts.Format("Control.YourName"), texts) is { } badName)
            {
                return Redemption.Refused(badName);
            }

            var now = _time.GetUtcNow();
            var invitation = await data.FindInvitationAsync(TokenHash.Of(token), ct);
            if (invitation is null)
            {
                return Redemption.Refused(texts.Format("Join.Invalid"));
            }

            if (invitation.RevokedAt is not null)
            {
                return Redemption.Refused(texts.Format("Join.Withdrawn"));
            }

            if (invitation.UsesLeft == 0)
            {
                return Redemption.Refused(texts.Format("Join.Used"));
            }

            if (now >= invitation.ExpiresAt)
            {
                return Redemption.Refused(texts.Format("Join.Expired"));
            }

            var delegation = invitation.DelegationId is { } id ? await data.GetDelegationAsync(id, ct) : null;
            if (delegation is not null && await data.CountMembersAsync(delegation.Id, ct) >= MeetingCommands.MaxDelegationMembers)
            {
                return Redemption.Refused(texts.Format("Join.Full", delegation.Name, MeetingCommands.MaxDelegationMembers));
            }

            var person = new Participant
            {
                Channel = channel,
                ExternalId = userId,
                DisplayName = name,
                DelegationId = delegation?.Id,
                JoinedAt = delegation is null ? null : now,
                Roles = invitation.Role | (delegation is null ? Roles.None : Roles.Delegate),
                FirstSeenAt = now,
                ChannelLanguage = Language.FromTag(language)?.Code,
            };
            data.Add(person);
            invitation.Uses++;

            // The delegation's first member is its focal point, by invitation as by any other way in.
            if (delegation is not null && await data.GetFocalPointAsync(delegation.Id, ct) is null)
            {
                await data.FlushAsync(ct);
                delegation.FocalPointId = person.Id;
            }
            return new Redemption(delegation?.Name, invitation.Role, null);
        }, cancellationToken);

    /// <summary>
    /// On a database with no organiser and no invitation yet, creates one organiser link so the first run needs no
    /// setup; returns its token, or null when the meeting already has a way in.
    /// </summary>
    public Task<string?> CreateFirstOrganiserLinkAsync(CancellationToken cancellationToken) =>
        _store.ExecuteAsync(async (data, ct) =>
        {
            // The meeting file's e-mail invitations are made at load, before anyone could sign in to hand out their links.
            if ((await data.GetInvitationsAsync(ct)).Any(i => i.Email is null) || (await data.GetParticipantsAsync(ct)).Any(p => p.Has(Roles.Organiser)))
            {
                return null;
            }

            return IssueOrganiserLink(data);
        }, cancellationToken);

    /// <summary>A new single-use organiser link, for whoever runs the host (<c>organiser-link</c>): the way back in when the first one is lost.</summary>
    public Task<string> CreateOrganiserLinkAsync(CancellationToken cancellationToken) =>
        _store.ExecuteAsync((data, _) => Task.FromResult(IssueOrganiserLink(data)), cancellationToken);

    private string IssueOrganiserLink(IMeetingData data) =>
        InvitationCommands.Issue(data, null, Roles.Organiser, 1, _time.GetUtcNow(), _rules.InvitationLifetime, null).Token;
}
