using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GcmBot.Summaries.Llm;

/// <summary>
/// Participants' text as data for a prompt: JSON-encoded with every HTML-sensitive and non-ASCII
/// character escaped, between marker lines named after the data's own hash, so that nothing inside
/// can close the block or pass for the prompt's own text.
/// </summary>
internal sealed record DataBlock(string Marker, string Json)
{
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    public static DataBlock Of<T>(T data)
    {
        var json = JsonSerializer.Serialize(data, _options);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
        return new DataBlock($"DATA_{hash}", json);
    }
}
