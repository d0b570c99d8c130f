using System.Globalization;
using System.Text.Json;
using GcmBot.Scheduling.Tests;

namespace GcmBot.Deployment.Tests;

/// <summary>
/// Two host instances on one PostgreSQL database and one Redis, behind nginx: one speakers list, one
/// delivery of each timer notice to every client whichever instance it is connected to.
/// </summary>
public sealed class SharedDeploymentTests : IAsyncLifetime
{
    private SharedDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await SharedDeployment.StartAsync();

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task Speak_200DelegationsThroughTheProxy_BothInstancesServeOneConsistentList()
    {
        var proxy = _deployment.Proxy;
        var moderator = await proxy.IdentityAsync("Marit Maij", null, "moderator");
        await proxy.RunAsync(moderator, WebChat.RoomA, "/session open AG1");

        // Every delegation picks its identity and asks for the floor, 16 at a time, through nginx's round robin.
        var delegations = _deployment.Delegations;
        Assert.Equal(SharedDeployment.DelegationCount, delegations.Count);
        await Parallel.ForEachAsync(delegations.Index(), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (delegation, _) =>
        {
            var delegate_ = await proxy.IdentityAsync($"Delegate {delegation.Index + 1}", delegation.Item, "delegate");
            var reply = await proxy.RunAsync(delegate_, WebChat.RoomA, "/speak");
            Assert.Contains("#", Messages.Text(reply), StringComparison.Ordinal);
        });

        // Each instance reads the same list, every delegation once, Member States ahead of the stakeholder segment.
        var viaA = Rows(await _deployment.A.Chat.RunAsync(moderator, WebChat.RoomA, "/queue all"));
        var viaB = Rows(await _deployment.B.Chat.RunAsync(moderator, WebChat.RoomA, "/queue all"));
        Assert.Equal(viaA, viaB);
        Assert.Equal(delegations.Order(StringComparer.Ordinal), viaA.Select(r => r.Label).Order(StringComparer.Ordinal));
        var firstStakeholderRow = viaA.FindIndex(r => r.Segment == "stakeholders");
        Assert.True(firstStakeholderRow > 0, "no stakeholder segment");
        Assert.All(viaA[firstStakeholderRow..], r => Assert.Equal("stakeholders", r.Segment));

        // nginx spread the work over both instances (their own metrics say so).
        var speaksOnA = await SpeakCommandsAsync(_deployment.A);
        var speaksOnB = await SpeakCommandsAsync(_deployment.B);
        Assert.Equal(SharedDeployment.DelegationCount, speaksOnA + speaksOnB);
        Assert.InRange(speaksOnA, SharedDeployment.DelegationCount / 4, SharedDeployment.DelegationCount * 3 / 4);
    }

    [Fact]
    public async Task Next_ClientsOnBothInstances_EachReceivesTheChangeAndEveryTimerNoticeOnce()
    {
        var b = _deployment.B.Chat;
        var moderator = await b.IdentityAsync("Marit Maij", null, "moderator");
        await using var feedA = await RoomFeed.OpenAsync(_deployment.A.BaseAddress, WebChat.RoomA, moderator);
        await using var feedB = await RoomFeed.OpenAsync(_deployment.B.BaseAddress, WebChat.RoomA, moderator);
        await using var displayA = await DisplayFeed.WatchAsync(_deployment.A.BaseAddress, "Room A");
        var mexico = await b.IdentityAsync("Delegate of Mexico", "Mexico", "delegate");
        await b.RunAsync(moderator, WebChat.RoomA, "/session open AG1");

        // A change made through instance B reaches the client connected to instance A.
        await b.RunAsync(mexico, WebChat.RoomA, "/speak");
        await feedA.WaitForAsync(m => Messages.Text(m).Contains("Mexico", StringComparison.Ordinal) && Messages.Text(m).Contains("#1", StringComparison.Ordinal));

        await b.RunAsync(moderator, WebChat.RoomA, "/allowance Mexico 6s");
        await b.RunAsync(moderator, WebChat.RoomA, "/next");

        // So does the room display connected to instance A: Mexico on the floor, its timer running.
        await displayA.WaitForAsync(d => d.GetProperty("floor") is { ValueKind: JsonValueKind.Object } floor
            && floor.GetProperty("speaker").GetString() == "Mexico" && floor.GetProperty("timer").GetString() == "running");
        await feedA.WaitForAsync(Messages.IsWarning);
        await feedB.WaitForAsync(Messages.IsWarning);
        await feedA.WaitForAsync(Messages.IsExpiry);
        await feedB.WaitForAsync(Messages.IsExpiry);

        // Past the backstop jobs and several sweeps of both instances: still one of each on each feed.
        var window = SharedDeployment.SettleWindow;
        var duplicate = await Task.WhenAny(
            feedA.WaitForAsync(IsTimerNotice, feedA.Count(IsTimerNotice) + 1, window),
            feedB.WaitForAsync(IsTimerNotice, feedB.Count(IsTimerNotice) + 1, window));
        Assert.True(duplicate.IsFaulted, "a timer notice was delivered twice");
        foreach (var feed in new[] { feedA, feedB })
        {
            Assert.Equal(1, feed.Count(Messages.IsWarning));
            Assert.Equal(1, feed.Count(Messages.IsExpiry));
        }
    }

    private static bool IsTimerNotice(JsonElement message) => Messages.IsWarning(message) || Messages.IsExpiry(message);

    private static List<(string Label, string? Segment)> Rows(JsonElement queue) =>
        [.. queue.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("label").GetString()!, i.GetProperty("segment").GetString()))];

    /// <summary>The instance's own count of handled <c>speak</c> commands, from its Prometheus endpoint.</summary>
    private static async Task<int> SpeakCommandsAsync(ChildHost host)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return metrics.Split('\n')
            .Where(line => line.StartsWith("gcmbot_commands_total{", StringComparison.Ordinal) && line.Contains("command=\"speak\"", StringComparison.Ordinal) && line.Contains("outcome=\"ok\"", StringComparison.Ordinal))
            .Sum(line => (int)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
