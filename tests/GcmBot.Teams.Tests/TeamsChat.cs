using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Teams.Tests;

/// <summary>A host with the Teams channel, a fake connector, and helpers to say things as Teams users.</summary>
public sealed class TeamsChat : IAsyncDisposable
{
    public const string OrganiserId = "29:organiser";

    private TeamsChat(TeamsHost host, FakeConnector connector)
    {
        Host = host;
        Connector = connector;
    }

    public TeamsHost Host { get; }

    public FakeConnector Connector { get; }

    public string ServiceUrl => Connector.ServiceUrl;

    public static async Task<TeamsChat> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var connector = await FakeConnector.StartAsync();
        var all = new Dictionary<string, string?> { ["Teams:Organisers:0"] = OrganiserId };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new TeamsChat(new TeamsHost(all, services), connector);
    }

    /// <summary>
    /// Posts an activity, expects it accepted, and returns the bot's validated answer to it: the reply, or, when
    /// the reply only points to the personal chat (a private answer asked for in a channel), what was posted there.
    /// </summary>
    public async Task<ConnectorCall> SendAsync(Dictionary<string, object?> activity)
    {
        var before = Connector.All.Count;
        using var response = await Host.PostAsync(activity);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var reply = await Connector.ReplyToAsync((string)activity["id"]!);
        await Schemas.AssertValidAsync(reply.Body);
        // The pointer is in the asker's language.
        if (!GcmBot.Core.Localisation.Language.All.Any(l => System.Net.WebUtility.HtmlDecode(reply.Text).Contains(GcmBot.Core.Localisation.Texts.For(l).Format("Teams.PrivatePointer"), StringComparison.Ordinal)))
        {
            return reply;
        }

        var personal = FakeConnector.PersonalConversation(UserOf(activity));
        var answer = await Connector.WaitForAsync(c => c.Conversation == personal && c.Status == HttpStatusCode.Created && Connector.All.Skip(before).Contains(c), $"the private answer in {personal}");
        await Schemas.AssertValidAsync(answer.Body);
        return answer;
    }

    /// <summary>The pointer left in a channel when the answer went to the personal chat.</summary>
    public const string PrivatePointer = "my answer is in your personal chat with me.";

    private static string UserOf(Dictionary<string, object?> activity) => JsonSerializer.SerializeToElement(activity["from"]).GetProperty("id").GetString()!;

    /// <summary>A command @mentioning the bot in the team's General channel.</summary>
    public Task<ConnectorCall> SayAsync(string userId, string userName, string command) =>
        SendAsync(Activities.Mention(ServiceUrl, userId, userName, command));

    /// <summary>A command in the user's personal chat with the bot.</summary>
    public Task<ConnectorCall> SayPrivatelyAsync(string userId, string userName, string command) =>
        SendAsync(Activities.Message(ServiceUrl, userId, userName, command, "a:personal-" + userId));

    /// <summary>
    /// Registers a user with a delegation: the request, approved by the organiser in their personal chat. Returns once
    /// the organiser was asked and the user told, so that neither message is taken later for another answer.
    /// The organiser takes a second to read the request: on the fake clock, the bot's calls then stay within Teams'
    /// 50 requests a second however many people register.
    /// </summary>
    public async Task RegisterAsync(string userId, string userName, string delegation)
    {
        await SayAsync(userId, userName, $"register {delegation}");
        await Connector.WaitForAsync(c => c.Conversation == FakeConnector.PersonalConversation(OrganiserId) && c.AllText.Contains("asks to join", StringComparison.Ordinal)
            && c.AllText.Contains(userName, StringComparison.Ordinal), $"the organiser asked about {userName}");
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var approved = await SayPrivatelyAsync(OrganiserId, "Secretariat", $"approve {userName}");
        Assert.Contains($"now speaks for {delegation}", approved.AllText, StringComparison.Ordinal);
        await Connector.WaitForAsync(c => c.Conversation == FakeConnector.PersonalConversation(userId) && c.AllText.Contains($"join {delegation} was approved", StringComparison.Ordinal), $"{userName} told");
    }

    /// <summary>Presses a card button or submits a card form: a message activity whose value is the card's data.</summary>
    public Task<ConnectorCall> SubmitAsync(string userId, string userName, object value, string conversationId = Activities.ChannelConversation) =>
        SendAsync(Activities.Message(ServiceUrl, userId, userName, "", conversationId + ";messageid=" + Activities.NewId(), "channel", value: value));

    /// <summary>The data of the card action titled <paramref name="title"/>.</summary>
    public static JsonElement ActionData(ConnectorCall reply, string title)
    {
        var card = reply.Card ?? throw new InvalidOperationException($"No card in {reply.Body}");
        return card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == title).GetProperty("data");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
