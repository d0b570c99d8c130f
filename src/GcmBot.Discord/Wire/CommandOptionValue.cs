using System.Text.Json;

namespace GcmBot.Discord.Wire;

internal sealed record CommandOptionValue(string Name, int Type, JsonElement? Value, bool? Focused)
{
    public string Text => Value is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText() : "";
}
