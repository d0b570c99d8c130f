using System.Net.Http.Json;
using System.Text.Json;

namespace GcmBot.Scheduling.Tests;

/// <summary>The web chat's HTTP API, as the chat page uses it.</summary>
public sealed class WebChat
{
    public const string RoomA = "room:Room A";
    public const string RoomB = "room:Room B";

    private static readonly Uri _identityUri = new("/api/web/identity", UriKind.Relative);
    private static readonly Uri _commandsUri = new("/api/web/commands", UriKind.Relative);

    private readonly HttpClient _client;

    public WebChat(HttpClient client)
    {
        _client = client;
    }

    /// <summary>Picks an identity and returns its token; fails the test when the server refuses it.</summary>
    public async Task<string> IdentityAsync(string displayName, string? delegation, string role)
    {
        using var response = await _client.PostAsJsonAsync(_identityUri, new { displayName, delegation, role });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"identity {displayName}/{delegation}/{role}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("userId").GetString()!;
    }

    /// <summary>Sends a command and returns the bot's reply (the second message of the answer).</summary>
    public async Task<JsonElement> SendAsync(string token, string conversation, string text)
    {
        var messages = await PostAsync(token, conversation, text);
        Assert.Equal(2, messages.GetArrayLength());
        return messages[1];
    }

    /// <summary>Sends a command that must succeed and returns the reply.</summary>
    public async Task<JsonElement> RunAsync(string token, string conversation, string text)
    {
        var reply = await SendAsync(token, conversation, text);
        Assert.False(reply.GetProperty("isError").GetBoolean(), $"{text}: {reply.GetProperty("text").GetString()}");
        return reply;
    }

    /// <summary>Says something that is not a command: the server pushes it to the room before it answers.</summary>
    public async Task SayAsync(string token, string conversation, string text) =>
        await PostAsync(token, conversation, text);

    private async Task<JsonElement> PostAsync(string token, string conversation, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _commandsUri) { Content = JsonContent.Create(new { conversation, text }) };
        request.Headers.Add("X-GcmBot-User", token);
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("messages").Clone();
    }
}
