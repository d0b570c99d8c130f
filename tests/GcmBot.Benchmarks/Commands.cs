using System.Net.Http.Json;

namespace GcmBot.Benchmarks;

internal static class Commands
{
    public static readonly Uri Endpoint = new("/api/web/commands", UriKind.Relative);

    public static HttpRequestMessage Request(string token, string text) => Request(token, text, BenchHost.Conversation);

    public static HttpRequestMessage Request(string token, string text, string conversation)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = JsonContent.Create(new { conversation, text }) };
        request.Headers.Add("X-GcmBot-User", token);
        return request;
    }
}
