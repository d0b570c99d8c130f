using GcmBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GcmBot.Storage.Tests;

/// <summary>Several host instances sharing one PostgreSQL database, each with its own store and pool.</summary>
public sealed class PostgresMultiHostTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresDatabaseFixture _fixture;

    public PostgresMultiHostTests(PostgresDatabaseFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task ExecuteAsync_TwoHostsRacingForOneDelegation_StoresOneWaitingEntry()
    {
        var m = await TestMeeting.CreateAsync(_fixture.Store, 1);
        using var hostA = new MeetingStore(_fixture.CreateFactory("host-a"));
        using var hostB = new MeetingStore(_fixture.CreateFactory("host-b"));
        var delegationId = m.DelegationIds[0];
        var inside = 0;
        var overlapped = false;
        var attempts = 0;

        var added = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => (i % 2 == 0 ? hostA : hostB).ExecuteAsync(
            async (data, ct) =>
            {
                Interlocked.Increment(ref attempts);
                if (Interlocked.Increment(ref inside) > 1)
                {
                    Volatile.Write(ref overlapped, true);
                }

                var result = await StoreTests.AddIfAbsentAsync(data, m.SessionId, delegationId, participantId: i, ct);
                Interlocked.Decrement(ref inside);
                return result;
            },
            CancellationToken.None))));

        // The advisory lock, not the unique index plus a retry, decides: no two units of work overlap and none is retried.
        Assert.False(overlapped);
        Assert.Equal(100, attempts);
        Assert.Equal(1, added.Count(a => a));
        await using var db = _fixture.Factory.Create();
        Assert.Equal(1, await db.SpeakerEntries.CountAsync(e => e.SessionId == m.SessionId));
    }

    [Fact]
    public async Task ExecuteAsync_TwoHostsAddingDifferentDelegations_IdsFollowTheOrderWorkRan()
    {
        var m = await TestMeeting.CreateAsync(_fixture.Store, 100);
        using var hostA = new MeetingStore(_fixture.CreateFactory("host-a"));
        using var hostB = new MeetingStore(_fixture.CreateFactory("host-b"));
        var order = 0;

        var results = await Task.WhenAll(m.DelegationIds.Select((delegationId, i) => Task.Run(() => (i % 2 == 0 ? hostA : hostB).ExecuteAsync(
            async (data, ct) =>
            {
                var position = Interlocked.Increment(ref order);
                var added = await StoreTests.AddIfAbsentAsync(data, m.SessionId, delegationId, participantId: i, ct);
                return (Position: position, Added: added, Waiting: (await data.GetWaitingAsync(m.SessionId, ct)).Count);
            },
            CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Added));

        // Under the shared lock each unit of work saw every earlier one (GetWaitingAsync excludes its own unsaved entry).
        Assert.Equal(Enumerable.Range(0, 100), results.OrderBy(r => r.Position).Select(r => r.Waiting));
        await using var db = _fixture.Factory.Create();
        Assert.Equal(100, await db.SpeakerEntries.CountAsync(e => e.SessionId == m.SessionId && e.Status == EntryStatus.Waiting));
    }

    [Fact]
    public async Task ExecuteAsync_UniqueViolationOnFirstAttempt_RetriesAndSeesTheWinnersRow()
    {
        var m = await TestMeeting.CreateAsync(_fixture.Store, 1);
        var delegationId = m.DelegationIds[0];
        const int Winner = 7;
        const int Loser = 8;
        var attempts = 0;

        var added = await _fixture.Store.ExecuteAsync(
            async (data, ct) =>
            {
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    // Another writer that does not take the lock commits the same request between our check and our insert.
                    Assert.Empty(await data.GetWaitingAsync(m.SessionId, ct));
                    await using var other = _fixture.CreateFactory("intruder").Create();
                    var winner = StoreTests.NewEntry(m.SessionId, delegationId, EntryStatus.Waiting);
                    winner.RequestedByParticipantId = Winner;
                    other.SpeakerEntries.Add(winner);
                    await other.SaveChangesAsync(ct);

                    data.Add(NewLoserEntry(m.SessionId, delegationId));
                    await data.FlushAsync(ct);
                    return true;
                }

                return await StoreTests.AddIfAbsentAsync(data, m.SessionId, delegationId, Loser, ct);
            },
            CancellationToken.None);

        Assert.Equal(2, attempts);
        Assert.False(added);
        await using var db = _fixture.Factory.Create();
        var row = await db.SpeakerEntries.SingleAsync(e => e.SessionId == m.SessionId);
        Assert.Equal(Winner, row.RequestedByParticipantId);
    }

    [Fact]
    public async Task ExecuteAsync_UniqueViolationEveryAttempt_GivesUpAfterThreeAttempts()
    {
        var m = await TestMeeting.CreateAsync(_fixture.Store, 1);
        await _fixture.Store.ExecuteAsync(
            (data, _) => { data.Add(StoreTests.NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting)); return Task.FromResult(0); },
            CancellationToken.None);
        var attempts = 0;

        var thrown = await Assert.ThrowsAsync<DbUpdateException>(() => _fixture.Store.ExecuteAsync(
            (data, _) =>
            {
                Interlocked.Increment(ref attempts);
                data.Add(NewLoserEntry(m.SessionId, m.DelegationIds[0]));
                return Task.FromResult(0);
            },
            CancellationToken.None));

        Assert.Equal(3, attempts);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(thrown.InnerException).SqlState);
    }

    [Fact]
    public async Task ExecuteAsync_ForeignKeyViolation_IsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<DbUpdateException>(() => _fixture.Store.ExecuteAsync(
            (data, _) =>
            {
                Interlocked.Increment(ref attempts);
                data.Add(StoreTests.NewEntry(int.MaxValue, int.MaxValue, EntryStatus.Waiting));
                return Task.FromResult(0);
            },
            CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    private static SpeakerEntry NewLoserEntry(int sessionId, int delegationId)
    {
        var entry = StoreTests.NewEntry(sessionId, delegationId, EntryStatus.Waiting);
        entry.RequestedByParticipantId = -1;
        return entry;
    }
}
