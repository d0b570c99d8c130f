using System.Net.Mail;
using GcmBot.Core.Domain;

namespace GcmBot.Core.Import;

/// <param name="Members">
/// People approved in advance as the delegation's members, as <c>channel:id</c>: <c>discord:</c> a Discord user id,
/// <c>teams:</c> a Teams user id or AAD object id, <c>web:</c> a web chat user id. Their <c>register</c> needs no approval.
/// Or as an e-mail address (<c>ana@example.org</c>, or <c>email:ana@example.org</c>): the address gets a single-use
/// web chat invitation for the delegation (<see cref="Invitations.EmailInvitations"/>).
/// </param>
public sealed record MeetingFileDelegation(string Name, string Category, IReadOnlyList<string>? Aliases = null, IReadOnlyList<string>? Members = null)
{
    /// <summary>The channels a member can be listed on.</summary>
    public static readonly IReadOnlyList<string> MemberChannels = ["discord", "teams", "web"];

    private const string EmailPrefix = "email:";

    /// <summary>The members listed by channel id, as (channel, id); <see cref="MeetingLoader"/> has checked their form.</summary>
    public IEnumerable<(string Channel, string Id)> MemberIds =>
        (Members ?? []).Where(m => !IsEmailEntry(m)).Select(m => m.Split(':', 2, StringSplitOptions.TrimEntries)).Select(p => (p[0].ToLowerInvariant(), p[1]));

    /// <summary>The members listed by e-mail address, each once, as written (without <c>email:</c>).</summary>
    public IEnumerable<string> Emails =>
        (Members ?? []).Where(IsEmailEntry).Select(EmailOf).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>An entry is an address when it says so (<c>email:</c>) or, having no channel, holds an <c>@</c>.</summary>
    public static bool IsEmailEntry(string entry) =>
        entry.TrimStart().StartsWith(EmailPrefix, StringComparison.OrdinalIgnoreCase) || (!entry.Contains(':', StringComparison.Ordinal) && entry.Contains('@', StringComparison.Ordinal));

    public static string EmailOf(string entry)
    {
        var trimmed = entry.Trim();
        return (trimmed.StartsWith(EmailPrefix, StringComparison.OrdinalIgnoreCase) ? trimmed[EmailPrefix.Length..] : trimmed).Trim();
    }

    /// <summary>
    /// A plain address, <c>local@domain.tld</c>: no display name or brackets (which <see cref="MailAddress"/> would
    /// accept), no spaces, a dot in the domain, within SMTP's length.
    /// </summary>
    public static bool IsValidEmail(string address) =>
        address.Length is > 0 and <= Invitation.MaxEmailLength
        && !address.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(address, out var parsed)
        && string.Equals(parsed.Address, address, StringComparison.Ordinal)
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && !parsed.Host.StartsWith('.') && !parsed.Host.EndsWith('.');
}
