namespace GcmBot.Core.Import;

/// <param name="Members">
/// People approved in advance as the delegation's members, as <c>channel:id</c>: <c>discord:</c> a Discord user id,
/// <c>teams:</c> a Teams user id or AAD object id, <c>web:</c> a web chat user id. Their <c>register</c> needs no approval.
/// </param>
public sealed record MeetingFileDelegation(string Name, string Category, IReadOnlyList<string>? Aliases = null, IReadOnlyList<string>? Members = null)
{
    /// <summary>The channels a member can be listed on.</summary>
    public static readonly IReadOnlyList<string> MemberChannels = ["discord", "teams", "web"];

    /// <summary>The members as (channel, id); <see cref="MeetingLoader"/> has checked their form.</summary>
    public IEnumerable<(string Channel, string Id)> MemberIds =>
        (Members ?? []).Select(m => m.Split(':', 2, StringSplitOptions.TrimEntries)).Select(p => (p[0].ToLowerInvariant(), p[1]));
}
