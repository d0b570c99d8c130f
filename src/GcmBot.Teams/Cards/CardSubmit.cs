namespace GcmBot.Teams.Cards;

/// <summary>A pressed button (<see cref="Text"/>) or a submitted form (<see cref="Form"/> with its fields).</summary>
internal sealed record CardSubmit(string? Text, string? Form, IReadOnlyDictionary<string, string>? Fields);
