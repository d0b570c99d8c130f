using GcmBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Storage.Tests;

/// <summary>On SQLite, commits leave checkpoints to the store, which runs them in the background.</summary>
public sealed class SqliteCheckpointTests : IClassFixture<SqliteDatabaseFixture>
{
    private readonly SqliteDatabaseFixture _fixture;

    public SqliteCheckpointTests(SqliteDatabaseFixture fixture)
    {
        _fixture = fixture;
    }

    private MeetingStore Store => _fixture.Store;

    [Fact]
    public async Task Connections_DoNotCheckpointWhenTheyCommit()
    {
        await using var db = _fixture.Factory.Create();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";

        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ExecuteAsync_ACheckpointCouldNotCopyEverything_TheNextCommitStartsAnotherAndTheWalStartsAgain()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);

        // A reader keeps an old snapshot open: checkpoints cannot copy what was committed after it.
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Store.ReadAsync(
            async (data, ct) =>
            {
                _ = await data.GetMeetingAsync(ct);
                reading.SetResult();
                await done.Task.WaitAsync(ct);
                return 0;
            },
            CancellationToken.None);
        await reading.Task;
        for (var i = 0; i < 150; i++)
        {
            await AddCardAsync(m);
        }

        await Store.Checkpoint;
        done.SetResult();
        await reader;

        // This commit starts a checkpoint with nothing beside it, which copies everything; the next commit starts the WAL again.
        await AddCardAsync(m);
        await Store.Checkpoint;
        await AddCardAsync(m);

        Assert.InRange(await FramesInWalAsync(), 1, 20);
    }

    private Task<int> AddCardAsync(TestMeeting m) => Store.ExecuteAsync(
        (data, _) =>
        {
            data.Add(new Card
            {
                SessionId = m.SessionId,
                DelegationId = m.DelegationIds[0],
                SubmittedByParticipantId = 1,
                Recommendation = "A recommendation long enough to fill some of a page.",
                SubmittedAt = TestMeeting.Start,
            });
            return Task.FromResult(0);
        },
        CancellationToken.None);

    private async Task<long> FramesInWalAsync()
    {
        await using var db = _fixture.Factory.Create();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();

        // Its row: busy, frames in the WAL, frames copied into the database.
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var result = await command.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        return result.GetInt64(1);
    }
}
