namespace GcmBot.Core.Commands;

/// <param name="Terms">Words a text argument may begin with that the handler reads (agenda's <c>tomorrow</c>), translated as choices are.</param>
/// <param name="Keyword">A word that introduces the argument, e.g. <c>as</c> in <c>register Mexico as memberState</c>.</param>
public sealed record CommandArgument(
    string Name,
    ArgumentKind Kind,
    bool Required,
    string Description,
    IReadOnlyList<string>? Choices = null,
    string? Keyword = null,
    IReadOnlyList<string>? Terms = null)
{
    public bool IsMultiWord => Kind is ArgumentKind.Text or ArgumentKind.Delegation or ArgumentKind.Session or ArgumentKind.User;
}
