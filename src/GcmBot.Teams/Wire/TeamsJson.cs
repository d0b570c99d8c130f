using System.Text.Json;
using System.Text.Json.Serialization;

namespace GcmBot.Teams.Wire;

internal static class TeamsJson
{
    /// <summary>camelCase as on the wire; absent fields are left out rather than sent as null.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
