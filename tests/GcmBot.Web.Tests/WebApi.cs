using System.Net.Http.Json;
using System.Text.Json;

namespace GcmBot.Web.Tests;

/// <summary>The web chat's HTTP API as the page calls it, for the people of a test who need no browser.</summary>
public sealed class WebApi : IDisposable
{
    private readonly HttpClient _client;

    public WebApi(Uri baseAddress)
    {
        _client = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>Picks an identity (the picker is on in the test hosts) and returns its token.</summary>
    public async Task<string> IdentityAsync(string displayName, string? delegation, string role)
    {
        using var response = await _client.PostAsJsonAsync("/api/web/identity", new { displayName, delegation, role });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"identity {displayName}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("userId").GetString()!;
    }

    /// <summary>Sends typed text and returns the bot's answer (the second message of the response).</summary>
    public async Task<JsonElement> SendAsync(string token, string conversation, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/web/commands") { Content = JsonContent.Create(new { conversation, text }) };
        request.Headers.Add("X-GcmBot-User", token);
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var messages = json.RootElement.GetProperty("messages");
        return messages[messages.GetArrayLength() - 1].Clone();
    }

    public void Dispose() => _client.Dispose();
}
