namespace GcmBot.Core.Handling;

/// <summary>
/// Something a user did on a channel: typed text, or a form / structured command with named fields.
/// <see cref="EventId"/> is the platform's id of the event, used to process redeliveries once.
/// </summary>
public sealed record Inbound(string Channel, string ConversationId, string UserId, string UserName)
{
    public string? Text { get; init; }
    public string? CommandName { get; init; }
    public IReadOnlyDictionary<string, string>? Fields { get; init; }
    public string? EventId { get; init; }

    /// <summary>The language the channel reports for the user (Discord's <c>locale</c>, Teams' <c>locale</c>, the browser's <c>Accept-Language</c>).</summary>
    public string? Locale { get; init; }

    /// <summary>Adapter data for posting back into this conversation later (stored when it is bound).</summary>
    public string? Reference { get; init; }

    /// <summary>Roles given to the user if this command is their first contact (the web chat's identity picker).</summary>
    public Domain.Roles NewParticipantRoles { get; init; }

    /// <summary>
    /// The channel vouches for a <c>register</c> (the web chat's identity picker, where anyone claims any identity
    /// in a rehearsal): it joins at once instead of waiting for approval.
    /// </summary>
    public bool ApprovedRegistration { get; init; }

    /// <summary>The user's id in the organisation's directory when the channel has one (Teams: the AAD object id).</summary>
    public string? DirectoryId { get; init; }
}
