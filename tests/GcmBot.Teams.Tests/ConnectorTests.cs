using System.Net;
using GcmBot.Teams.Auth;
using GcmBot.Teams.Outbound;
using GcmBot.Teams.Wire;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Teams.Tests;

/// <summary>
/// Retries and pacing of connector calls, against the fake connector on loopback, on a fake clock:
/// time only moves when the test advances it.
/// </summary>
public sealed class ConnectorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TeamsHost.ActionGroupMorning);
    private readonly ListLogger<ConnectorClient> _log = new();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsThatLongThenDelivers()
    {
        var client = Client(new TeamsOptions());
        _connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7));

        var sending = client.SendAsync(Message("a:one"), CancellationToken.None);
        var waited = await AdvanceUntilAsync(() => _connector.All.Count == 2);

        Assert.True(await sending);
        Assert.InRange(waited, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(9));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.Created], _connector.All.Select(c => c.Status));
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Send_TransientFailures_RetriedWithGrowingBackoffThenDelivered(HttpStatusCode status)
    {
        var client = Client(new TeamsOptions { RetryDelay = TimeSpan.FromSeconds(1) });
        _connector.FailNext(status, times: 2);

        var sending = client.SendAsync(Message("a:one"), CancellationToken.None);
        await AdvanceUntilAsync(() => sending.IsCompleted);

        Assert.True(await sending);
        Assert.Equal([status, status, HttpStatusCode.Created], _connector.All.Select(c => c.Status));
    }

    [Fact]
    public async Task Send_FailingBeyondRetries_GivesUpAndLogsTheLoss()
    {
        var client = Client(new TeamsOptions { MaxRetries = 2 });
        _connector.FailNext(HttpStatusCode.InternalServerError, times: 5);

        var sending = client.SendAsync(Message("a:one"), CancellationToken.None);
        await AdvanceUntilAsync(() => sending.IsCompleted);

        Assert.False(await sending);
        Assert.Equal(3, _connector.All.Count);
        Assert.Contains(_log.Entries, e => e.Id.Id == 7102 && e.Message.Contains("not delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_BadRequest_NotRetriedAndLogged()
    {
        var client = Client(new TeamsOptions());
        _connector.FailNext(HttpStatusCode.BadRequest);

        Assert.False(await client.SendAsync(Message("a:one"), CancellationToken.None));
        Assert.Single(_connector.All);
        Assert.Contains(_log.Entries, e => e.Id.Id == 7102);
    }

    [Fact]
    public async Task Pacer_SevenPerSecondPerConversation_EighthWaitsForTheWindow()
    {
        var client = Client(new TeamsOptions());

        var sends = Enumerable.Range(0, 9).Select(_ => client.SendAsync(Message("a:busy"), CancellationToken.None)).ToList();
        await _connector.WaitForAsync(_ => _connector.All.Count == 7, "seven calls");
        var held = _connector.All.Count;
        var waited = await AdvanceUntilAsync(() => sends.All(s => s.IsCompleted));

        Assert.Equal(7, held);
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.All(sends, s => Assert.True(s.Result));
    }

    [Fact]
    public async Task Pacer_HourlyConversationLimit_QueuesUntilTheHourHasPassed()
    {
        var client = Client(new TeamsOptions { ConversationOperationsPerHour = 3, ConversationOperationsPerSecond = 100 });

        var sends = Enumerable.Range(0, 4).Select(_ => client.SendAsync(Message("a:chatty"), CancellationToken.None)).ToList();
        await _connector.WaitForAsync(_ => _connector.All.Count == 3, "three calls");
        var other = await client.SendAsync(Message("a:quiet"), CancellationToken.None);
        var waited = await AdvanceUntilAsync(() => sends.All(s => s.IsCompleted), step: TimeSpan.FromMinutes(1), max: TimeSpan.FromHours(2));

        Assert.True(other);
        Assert.InRange(waited, TimeSpan.FromHours(1), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Sender_BroadcastBeyondTheAppLimit_IsQueuedAndAllDelivered()
    {
        var options = new TeamsOptions { AppRequestsPerSecond = 5 };
        var queue = new OutboundQueue();
        using var sender = new ConnectorSender(queue, Client(options), NullLogger<ConnectorSender>.Instance);
        await sender.StartAsync(CancellationToken.None);

        for (var i = 0; i < 20; i++)
        {
            queue.Enqueue(Message($"a:channel-{i}"));
        }

        await _connector.WaitForAsync(_ => _connector.All.Count == 5, "the first five");
        var held = _connector.All.Count;
        var waited = await AdvanceUntilAsync(() => _connector.All.Count == 20);
        await sender.StopAsync(CancellationToken.None);

        Assert.Equal(5, held);
        Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
        Assert.Equal(20, _connector.All.Select(c => c.Conversation).Distinct().Count());
    }

    private ConnectorClient Client(TeamsOptions options)
    {
        var wrapped = Options.Create(options);
        var http = new LoopbackHttpClients();
        return new ConnectorClient(http, new BotTokenProvider(wrapped, http), new ConnectorPacer(_clock, wrapped), new ServiceUrlTrust(wrapped), _clock, wrapped, _log);
    }

    private OutboundMessage Message(string conversation) =>
        new(new ConversationReference(_connector.ServiceUrl, conversation, "tenant-1", Activities.BotId, Activities.BotName, "channel"),
            new Activity { Type = "message", Text = "Time is up.", From = new ChannelAccount(Activities.BotId, Activities.BotName) });

    /// <summary>
    /// Moves the fake clock in small steps until <paramref name="done"/>, letting the sender react between
    /// steps (it wakes on the connector's next call); returns how much fake time it took. On a busy machine
    /// a step may pass before a due call lands, so the result can overshoot by a few steps, never undershoot.
    /// </summary>
    private async Task<TimeSpan> AdvanceUntilAsync(Func<bool> done, TimeSpan? step = null, TimeSpan? max = null)
    {
        var increment = step ?? TimeSpan.FromMilliseconds(100);
        var advanced = TimeSpan.Zero;
        while (!done())
        {
            Assert.True(advanced <= (max ?? TimeSpan.FromMinutes(10)), $"Still not done after {advanced} of fake time; calls: {_connector.All.Count}");
            _clock.Advance(increment);
            advanced += increment;
            var before = _connector.All.Count;
            try
            {
                await _connector.WaitForAsync(_ => _connector.All.Count > before || done(), "progress", TimeSpan.FromMilliseconds(20));
            }
            catch (TimeoutException)
            {
                // Nothing was due at this instant; advance again.
            }
        }

        return advanced;
    }
}
