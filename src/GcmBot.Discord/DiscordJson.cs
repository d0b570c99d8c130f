using System.Text.Json;
using System.Text.Json.Serialization;

namespace GcmBot.Discord;

internal static class DiscordJson
{
    /// <summary>Discord's wire format: snake_case names; absent optional fields are left out.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
