using System.Net;

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
    }

    public HttpStatusCode? Status { get; }
}
