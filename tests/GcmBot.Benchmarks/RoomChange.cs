namespace GcmBot.Benchmarks;

/// <summary>
/// One speakers-list change of the room benchmark, and what a page's panel shows once it has caught up with it:
/// <paramref name="Delegation"/> on the list (<paramref name="Listed"/>) or off it. Each change's condition is false
/// in the state just before it, so a page that shows it has really received the change.
/// </summary>
/// <param name="Token">Who sends the command (a delegate's page, or the moderator for <c>/next</c>).</param>
internal sealed record RoomChange(string Command, string Token, string Delegation, bool Listed);
