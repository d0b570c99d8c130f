using GcmBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Storage.Tests;

/// <summary>Participants by id, allowances and notices, on every provider.</summary>
public abstract class NoticeTests
{
    private static readonly DateTimeOffset _t0 = TestMeeting.Start;

    private readonly DatabaseFixture _fixture;

    protected NoticeTests(DatabaseFixture fixture)
    {
        _fixture = fixture;
    }

    private MeetingStore Store => _fixture.Store;

    [Fact]
    public async Task GetParticipantAsync_StoredParticipant_ReturnedById()
    {
        var participant = new Participant { Channel = "web", ExternalId = Guid.NewGuid().ToString("N"), DisplayName = "Ana", Roles = Roles.Moderator | Roles.Delegate, FirstSeenAt = _t0 };
        await Store.ExecuteAsync((data, _) => { data.Add(participant); return Task.FromResult(0); }, CancellationToken.None);

        var (found, missing) = await Store.ExecuteAsync(
            async (data, ct) => (await data.GetParticipantAsync(participant.Id, ct), await data.GetParticipantAsync(int.MaxValue, ct)),
            CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(participant.ExternalId, found.ExternalId);
        Assert.True(found.Has(Roles.Moderator));
        Assert.Null(missing);
    }

    [Fact]
    public async Task GetAllowancesAsync_AllowancesInTwoSessions_ReturnsOnlyThatSession()
    {
        var m = await TestMeeting.CreateAsync(Store, 2);
        await Store.ExecuteAsync(
            (data, _) =>
            {
                data.Add(new Allowance { SessionId = m.SessionId, DelegationId = m.DelegationIds[0], Seconds = 300 });
                data.Add(new Allowance { SessionId = m.SessionId, DelegationId = m.DelegationIds[1], Seconds = 180 });
                data.Add(new Allowance { SessionId = m.OtherSessionId, DelegationId = m.DelegationIds[0], Seconds = 60 });
                return Task.FromResult(0);
            },
            CancellationToken.None);

        var found = await Store.ExecuteAsync((data, ct) => data.GetAllowancesAsync(m.SessionId, ct), CancellationToken.None);

        Assert.Equal([(m.DelegationIds[0], 300), (m.DelegationIds[1], 180)], found.Select(a => (a.DelegationId, a.Seconds)).Order());
    }

    [Fact]
    public async Task SaveChanges_SecondAllowanceForSameDelegation_ThrowsDbUpdateException()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        await Store.ExecuteAsync(
            (data, _) => { data.Add(new Allowance { SessionId = m.SessionId, DelegationId = m.DelegationIds[0], Seconds = 300 }); return Task.FromResult(0); },
            CancellationToken.None);
        await using var db = _fixture.Factory.Create();
        db.Allowances.Add(new Allowance { SessionId = m.SessionId, DelegationId = m.DelegationIds[0], Seconds = 60 });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task GetPendingNoticesAsync_DueBefore_ReturnsPendingDueEarlierSoonestFirst()
    {
        // Other tests in this class store notices due in 2017; only this test's notices are compared by text.
        var baseTime = new DateTimeOffset(2400, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var notices = new[]
        {
            NewNotice(NoticeKind.TimerExpiry, baseTime.AddSeconds(30), "late"),
            NewNotice(NoticeKind.TimerWarning, baseTime.AddSeconds(10), "early"),
            NewNotice(NoticeKind.Broadcast, baseTime.AddSeconds(5), "fired", fired: true),
            NewNotice(NoticeKind.Reminder, baseTime.AddSeconds(6), "cancelled", cancelled: true),
            NewNotice(NoticeKind.Reminder, baseTime.AddSeconds(40), "due exactly at the bound"),
        };
        await Store.ExecuteAsync((data, _) => { Array.ForEach(notices, data.Add); return Task.FromResult(0); }, CancellationToken.None);

        var due = await Store.ExecuteAsync((data, ct) => data.GetPendingNoticesAsync(baseTime.AddSeconds(40), ct), CancellationToken.None);

        var mine = due.Where(n => n.DueAt >= baseTime).Select(n => n.Text);
        Assert.Equal(["early", "late"], mine);
        Assert.Equal(due.Select(n => n.DueAt).Order(), due.Select(n => n.DueAt));
        var notice = await Store.ExecuteAsync((data, ct) => data.GetNoticeAsync(notices[0].Id, ct), CancellationToken.None);
        Assert.NotNull(notice);
        Assert.Equal(baseTime.AddSeconds(30), notice.DueAt);
        Assert.True(notice.IsPending);
    }

    [Fact]
    public async Task GetPendingNoticesAsync_BySessionInterventionAndKind_FiltersEachWay()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        var notices = new[]
        {
            NewNotice(NoticeKind.TimerWarning, _t0.AddSeconds(90), "warn-1", m.SessionId, 11),
            NewNotice(NoticeKind.TimerExpiry, _t0.AddSeconds(120), "expire-1", m.SessionId, 11),
            NewNotice(NoticeKind.TimerWarning, _t0.AddSeconds(30), "warn-2", m.SessionId, 12),
            NewNotice(NoticeKind.SessionEnding, _t0.AddSeconds(200), "ending", m.SessionId),
            NewNotice(NoticeKind.TimerExpiry, _t0.AddSeconds(60), "fired", m.SessionId, 11, fired: true),
            NewNotice(NoticeKind.TimerWarning, _t0.AddSeconds(10), "other session", m.OtherSessionId, 11),
        };
        await Store.ExecuteAsync((data, _) => { Array.ForEach(notices, data.Add); return Task.FromResult(0); }, CancellationToken.None);

        var (session, intervention, kind, both) = await Store.ExecuteAsync(
            async (data, ct) => (
                await data.GetPendingNoticesAsync(m.SessionId, null, null, ct),
                await data.GetPendingNoticesAsync(m.SessionId, 11, null, ct),
                await data.GetPendingNoticesAsync(m.SessionId, null, NoticeKind.TimerWarning, ct),
                await data.GetPendingNoticesAsync(m.SessionId, 11, NoticeKind.TimerExpiry, ct)),
            CancellationToken.None);

        Assert.Equal(["warn-2", "warn-1", "expire-1", "ending"], session.Select(n => n.Text));
        Assert.Equal(["warn-1", "expire-1"], intervention.Select(n => n.Text));
        Assert.Equal(["warn-2", "warn-1"], kind.Select(n => n.Text));
        Assert.Equal(["expire-1"], both.Select(n => n.Text));
    }

    private static Notice NewNotice(NoticeKind kind, DateTimeOffset due, string text, int? sessionId = null, long? interventionId = null, bool fired = false, bool cancelled = false) => new()
    {
        Kind = kind,
        DueAt = due,
        SessionId = sessionId,
        InterventionId = interventionId,
        Text = text,
        CreatedAt = _t0,
        FiredAt = fired ? due : null,
        CancelledAt = cancelled ? _t0 : null,
    };
}
