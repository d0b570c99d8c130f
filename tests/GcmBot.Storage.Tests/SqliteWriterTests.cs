using GcmBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Storage.Tests;

/// <summary>
/// On SQLite a unit of work reads a snapshot and queues for the writer only when it saves. In these tests a second
/// unit commits while the first one is paused after its reads: the first runs again only if it then saves.
/// (On PostgreSQL the work holds the writer lock from its start, so the second unit would wait for the first.)
/// </summary>
public sealed class SqliteWriterTests : IClassFixture<SqliteDatabaseFixture>
{
    private readonly SqliteDatabaseFixture _fixture;
    private Exception? _firstSaveFailure;

    public SqliteWriterTests(SqliteDatabaseFixture fixture)
    {
        _fixture = fixture;
    }

    private MeetingStore Store => _fixture.Store;

    public enum Then
    {
        /// <summary>It saves an entry for the delegation it read.</summary>
        Saves,

        /// <summary>It answers with the delegation it read, saving nothing.</summary>
        Answers,

        /// <summary>It refuses, saving nothing.</summary>
        Refuses,
    }

    [Fact]
    public async Task ExecuteAsync_SomeoneCommitsBetweenTheReadsAndTheSave_RunsAgainAndSavesWhatItSeesThen()
    {
        var (m, participant) = await ArrangeAsync();

        var (delegation, runs) = await ReadWhileAnotherUnitCommitsAsync(m, participant, Then.Saves, reregister: true);

        Assert.Equal(m.DelegationIds[1], delegation);
        Assert.Equal(2, runs);

        // The stale run stopped at its turn, before SQLite was asked to write on the old snapshot (which it refuses
        // only after a long retry).
        Assert.NotNull(_firstSaveFailure);
        Assert.IsNotType<DbUpdateException>(_firstSaveFailure);
        await using var db = _fixture.Factory.Create();
        var saved = await db.SpeakerEntries.SingleAsync(e => e.SessionId == m.SessionId);
        Assert.Equal(m.DelegationIds[1], saved.DelegationId);
    }

    [Fact]
    public async Task ExecuteAsync_SomeoneCommitsWhileTheWorkAnswersWithoutSaving_AnswersOnceFromItsSnapshot()
    {
        var (m, participant) = await ArrangeAsync();

        var (delegation, runs) = await ReadWhileAnotherUnitCommitsAsync(m, participant, Then.Answers, reregister: true);

        // The participant as it was when the work began: the work read one consistent state, before the other commit.
        Assert.Equal(m.DelegationIds[0], delegation);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task ExecuteAsync_SomeoneCommitsWhileTheWorkRefuses_TheRefusalStands()
    {
        var (m, participant) = await ArrangeAsync();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadWhileAnotherUnitCommitsAsync(m, participant, Then.Refuses, reregister: true));

        Assert.Equal($"refused for delegation {m.DelegationIds[0]}", refusal.Message);
    }

    [Fact]
    public async Task ExecuteAsync_NobodyCommitsBetweenTheReadsAndTheSave_RunsOnce()
    {
        var (m, participant) = await ArrangeAsync();

        var (delegation, runs) = await ReadWhileAnotherUnitCommitsAsync(m, participant, Then.Saves, reregister: false);

        Assert.Equal(m.DelegationIds[0], delegation);
        Assert.Equal(1, runs);
    }

    private async Task<(TestMeeting Meeting, Participant Participant)> ArrangeAsync()
    {
        var m = await TestMeeting.CreateAsync(Store, 2);
        var participant = new Participant
        {
            Channel = $"t{Guid.NewGuid():N}"[..16],
            ExternalId = "1",
            DisplayName = "Ana",
            DelegationId = m.DelegationIds[0],
            Roles = Roles.Delegate,
            FirstSeenAt = TestMeeting.Start,
        };
        await Store.ExecuteAsync(
            (data, _) =>
            {
                data.Add(participant);
                return Task.FromResult(0);
            },
            CancellationToken.None);
        return (m, participant);
    }

    /// <summary>
    /// Unit A reads the speakers list and pauses; unit B commits (re-registering the participant with the other
    /// delegation if <paramref name="reregister"/>, else only reading); A reads the participant, goes on as
    /// <paramref name="then"/> says and returns the participant's delegation.
    /// </summary>
    private async Task<(int? Delegation, int Runs)> ReadWhileAnotherUnitCommitsAsync(TestMeeting m, Participant participant, Then then, bool reregister)
    {
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        _firstSaveFailure = null;
        var first = Store.ExecuteAsync(
            async (data, ct) =>
            {
                // The first read begins the snapshot.
                _ = await data.GetWaitingAsync(m.SessionId, ct);
                if (++runs == 1)
                {
                    read.SetResult();
                    await committed.Task.WaitAsync(ct);
                }

                // The participant is read after the other unit's commit, but from the snapshot: as it was before.
                var seen = (await data.FindParticipantAsync(participant.Channel, participant.ExternalId, ct))!;
                switch (then)
                {
                    case Then.Saves:
                        data.Add(StoreTests.NewEntry(m.SessionId, seen.DelegationId!.Value, EntryStatus.Waiting));
                        try
                        {
                            await data.FlushAsync(ct);
                        }
                        catch (Exception failure)
                        {
                            _firstSaveFailure = failure;
                            throw;
                        }

                        break;
                    case Then.Refuses:
                        throw new InvalidOperationException($"refused for delegation {seen.DelegationId}");
                }

                return seen.DelegationId;
            },
            CancellationToken.None);

        await read.Task;
        await Store.ExecuteAsync(
            async (data, ct) =>
            {
                var other = (await data.FindParticipantAsync(participant.Channel, participant.ExternalId, ct))!;
                if (reregister)
                {
                    other.DelegationId = m.DelegationIds[1];
                }

                return 0;
            },
            CancellationToken.None);
        committed.SetResult();
        return (await first, runs);
    }
}
