namespace GcmBot.Core.Replies;

/// <summary>
/// A message for other conversations: those bound to <see cref="SessionId"/>, or every bound conversation
/// when it is null. The conversation the command came from already has the reply.
/// </summary>
public sealed record Announcement(int? SessionId, Reply Message);
