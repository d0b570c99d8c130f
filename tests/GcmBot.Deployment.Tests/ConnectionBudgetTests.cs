using System.Globalization;
using System.Text.Json;
using GcmBot.Scheduling.Tests;
using GcmBot.Storage.Tests;
using Npgsql;

namespace GcmBot.Deployment.Tests;

/// <summary>
/// A burst of commands on two instances sharing one PostgreSQL at its default <c>max_connections=100</c>: each
/// instance queues its writers in process and stays within its pool (<c>Storage:PoolSize</c>, default 20), so
/// nothing is refused for want of a connection.
/// </summary>
public sealed class ConnectionBudgetTests : IAsyncLifetime
{
    private const int Speakers = 500;
    private const int DefaultPoolSize = 20;

    private SharedDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await SharedDeployment.StartAsync(memberStates: Speakers);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task Speak_500AtOnceThroughTwoInstances_AllSucceedInOneOrderWithinThePools()
    {
        Assert.Equal("100", await ServerSettingAsync("max_connections"));
        var a = _deployment.A.Chat;
        var b = _deployment.B.Chat;
        var moderator = await a.IdentityAsync("Marit Maij", null, "moderator");
        await a.RunAsync(moderator, WebChat.RoomA, "/session open AG1");
        var speakers = _deployment.MemberStates;
        Assert.Equal(Speakers, speakers.Count);
        var tokens = new string[Speakers];
        await Parallel.ForEachAsync(speakers.Index(), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (speaker, _) =>
            tokens[speaker.Index] = await a.IdentityAsync($"Delegate {speaker.Index + 1}", speaker.Item, "delegate"));

        // All 500 in flight at once, half on each instance.
        var replies = await Task.WhenAll(tokens.Select((token, i) => (i % 2 == 0 ? a : b).SendAsync(token, WebChat.RoomA, "/speak")));

        Assert.All(replies, reply => Assert.False(reply.GetProperty("isError").GetBoolean(), Messages.Text(reply)));

        // Each request saw every earlier one, whichever instance took it: the n-th commit was told it is #n, and the
        // list (read through either instance) is in that order.
        var told = replies.Select((reply, i) => (Speaker: speakers[i], Position: int.Parse(reply.GetProperty("facts")[0].GetProperty("value").GetString()!, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(Enumerable.Range(1, Speakers), told.Select(t => t.Position).Order());
        var inCommitOrder = told.OrderBy(t => t.Position).Select(t => t.Speaker).ToList();
        Assert.Equal(inCommitOrder, Labels(await a.RunAsync(moderator, WebChat.RoomA, "/queue all")));
        Assert.Equal(inCommitOrder, Labels(await b.RunAsync(moderator, WebChat.RoomA, "/queue all")));

        // Neither instance went past its pool (the store and Hangfire share it).
        foreach (var instance in new[] { "gcmbot-a", "gcmbot-b" })
        {
            Assert.InRange(await ConnectionsOfAsync(instance), 1, DefaultPoolSize);
        }
    }

    private static List<string> Labels(JsonElement queue) =>
        [.. queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];

    private static async Task<string> ServerSettingAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SHOW {name}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The connections an instance holds open now: its pool keeps what the burst opened.</summary>
    private static async Task<long> ConnectionsOfAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", applicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
