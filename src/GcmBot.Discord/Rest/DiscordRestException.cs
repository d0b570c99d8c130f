using System.Net;
using System.Text.Json;

namespace GcmBot.Discord.Rest;

/// <summary>Discord refused a request (or kept failing); <see cref="Exception.Message"/> carries its error body.</summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException()
    {
    }

    public DiscordRestException(string message)
        : base(message)
    {
    }

    public DiscordRestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordRestException(HttpStatusCode status, string route, string body)
        : base($"Discord answered {(int)status} to {route}: {body}")
    {
        Status = status;
        Code = CodeOf(body);
    }

    public HttpStatusCode? Status { get; }

    /// <summary>Discord's JSON error code (e.g. 50007, 10062, 40060), when the body has one.</summary>
    public int? Code { get; }

    private static int? CodeOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
