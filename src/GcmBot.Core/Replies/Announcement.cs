namespace GcmBot.Core.Replies;

/// <summary>
/// A message for other conversations: those bound to <see cref="SessionId"/>, or every bound conversation
/// when it is null. The conversation the command came from already has the reply.
/// </summary>
/// <param name="Channel">Only to conversations of this channel kind (a mention of someone from that channel).</param>
/// <param name="Room">Instead of a session: the conversations bound to this room.</param>
/// <param name="Delegation">Instead of conversations: each member of this delegation, privately (a floor cue).</param>
public sealed record Announcement(int? SessionId, Reply Message, string? Channel = null, string? Room = null, int? Delegation = null)
{
    /// <summary>
    /// The message in a room's language (the binding's, else the meeting's default), or in a member's for a
    /// delegation; without it every room gets <see cref="Message"/> as it is.
    /// </summary>
    public Func<Localisation.Texts, Reply>? InLanguage { get; init; }

    /// <summary>A message written in each room's language.</summary>
    public static Announcement Localised(int? sessionId, Func<Localisation.Texts, Reply> compose) =>
        new(sessionId, compose(Localisation.Texts.English) with { Language = Localisation.Texts.English.Language.Code }) { InLanguage = compose };

    public Reply For(Localisation.Texts texts) => InLanguage is { } compose ? compose(texts) with { Language = texts.Language.Code } : Message;
}
