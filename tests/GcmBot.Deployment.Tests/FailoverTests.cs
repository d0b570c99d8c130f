using GcmBot.Scheduling.Tests;

namespace GcmBot.Deployment.Tests;

/// <summary>One of the two instances dies mid-session: the other carries on through nginx with nothing lost.</summary>
public sealed class FailoverTests : IAsyncLifetime
{
    private SharedDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await SharedDeployment.StartAsync();

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task Kill_InstanceRunningTheTimer_OtherInstanceExpiresItOnceAndServesTheSameList()
    {
        var proxy = _deployment.Proxy;
        var moderator = await proxy.IdentityAsync("Marit Maij", null, "moderator");
        await using var feedB = await RoomFeed.OpenAsync(_deployment.B.BaseAddress, WebChat.RoomA, moderator);
        await proxy.RunAsync(moderator, WebChat.RoomA, "/session open AG1");
        var first = _deployment.Delegations.Take(10).ToList();
        foreach (var (i, delegation) in first.Index())
        {
            var delegate_ = await proxy.IdentityAsync($"Delegate {i + 1}", delegation, "delegate");
            await proxy.RunAsync(delegate_, WebChat.RoomA, "/speak");
        }

        // Instance A gives the floor and arms the speaking timer in its own process, then dies.
        await proxy.RunAsync(moderator, WebChat.RoomA, $"/allowance {first[0]} 6s");
        await _deployment.A.Chat.RunAsync(moderator, WebChat.RoomA, "/next");
        await _deployment.A.KillAsync();

        // B's sweep finds the persisted deadline: the speaker still gets the expiry, once.
        await feedB.WaitForAsync(m => Messages.IsExpiryFor(m, first[0]));

        // nginx sends everyone to B now; everything acknowledged before the crash is still there.
        var later = _deployment.Delegations.Skip(10).Take(5).ToList();
        foreach (var (i, delegation) in later.Index())
        {
            var delegate_ = await proxy.IdentityAsync($"Delegate {i + 11}", delegation, "delegate");
            await proxy.RunAsync(delegate_, WebChat.RoomA, "/speak");
        }

        var queue = await proxy.RunAsync(moderator, WebChat.RoomA, "/queue");
        var waiting = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!).ToList();
        Assert.Equal(first.Skip(1).Concat(later).Order(StringComparer.Ordinal), waiting.Order(StringComparer.Ordinal));
        Assert.Contains(queue.GetProperty("facts").EnumerateArray(), f => f.GetProperty("label").GetString() == "Floor" && f.GetProperty("value").GetString()!.Contains(first[0], StringComparison.Ordinal));

        var window = SharedDeployment.SettleWindow;
        await Assert.ThrowsAsync<TimeoutException>(() => feedB.WaitForAsync(Messages.IsExpiry, 2, window));
    }
}
