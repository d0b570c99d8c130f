using System.Text.Json;

namespace GcmBot.Teams.Cards;

/// <summary>
/// The <c>data</c> GcmBot puts on its Adaptive Card actions, read back from a submit: a button carries
/// the command text it stands for; a form carries its command's name, and the inputs are its fields.
/// </summary>
internal static class CardData
{
    public const string CommandKey = "gcmbotCommand";
    public const string FormKey = "gcmbotForm";
    public const int MaxFieldLength = 4000;

    /// <summary>The command in a submitted card value, or null when the value is not one of ours.</summary>
    public static CardSubmit? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        // adaptiveCard/action invokes wrap the data: { action: { type, verb, data } }.
        if (data.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            data = inner;
        }

        if (String(data, CommandKey) is { Length: > 0 } text)
        {
            return new CardSubmit(text, null, null);
        }

        if (String(data, FormKey) is not { Length: > 0 } form)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (property.Name != FormKey && property.Value.ValueKind == JsonValueKind.String)
            {
                var field = property.Value.GetString()!;
                fields[property.Name] = field.Length > MaxFieldLength ? field[..MaxFieldLength] : field;
            }
        }

        return new CardSubmit(null, form, fields);
    }

    private static string? String(JsonElement data, string key) =>
        data.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
