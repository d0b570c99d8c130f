namespace GcmBot.Discord.Wire;

/// <summary>An action row (1), a button (2) or a text input (4); only the fields of its type are set.</summary>
internal sealed record Component(int Type)
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int TextInput = 4;

    public IReadOnlyList<Component>? Components { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }
    public bool? Required { get; init; }
    public int? MaxLength { get; init; }
    public string? Value { get; init; }
}
