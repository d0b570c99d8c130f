using GcmBot.Core.Data;
using GcmBot.Core.Domain;

namespace GcmBot.Storage.Tests;

/// <summary>
/// On SQLite a unit of work looks up who is asking before it queues for the writer. These tests change those rows in
/// between, with a second unit of work, and check that the first one runs again, queued from the start, only then.
/// (On PostgreSQL the work holds the writer lock from its start, so the second unit would wait for the first.)
/// </summary>
public sealed class SqliteWriterTests : IClassFixture<SqliteDatabaseFixture>
{
    private readonly SqliteDatabaseFixture _fixture;

    public SqliteWriterTests(SqliteDatabaseFixture fixture)
    {
        _fixture = fixture;
    }

    private MeetingStore Store => _fixture.Store;

    public enum After
    {
        /// <summary>It reads the session next, which queues it for the writer.</summary>
        Queues,

        /// <summary>It answers from the look-up alone: nothing to save, no write transaction.</summary>
        AnswersAtOnce,

        /// <summary>It refuses because of what it looked up, before queueing.</summary>
        Refuses,
    }

    [Theory]
    [InlineData(After.Queues)]
    [InlineData(After.AnswersAtOnce)]
    [InlineData(After.Refuses)]
    public async Task ExecuteAsync_ParticipantReregisteredAfterTheLookUp_RunsAgainAndSeesTheNewDelegation(After after)
    {
        var (m, participant) = await ArrangeAsync();

        var (delegation, runs) = await LookUpWhileAnotherUnitSavesAsync(m, participant, after, (data, p) => p.DelegationId = m.DelegationIds[1]);

        Assert.Equal(m.DelegationIds[1], delegation);
        Assert.Equal(2, runs);
    }

    [Theory]
    [InlineData(After.Queues)]
    [InlineData(After.AnswersAtOnce)]
    public async Task ExecuteAsync_OnlyTheSpeakersListChangedAfterTheLookUp_RunsOnce(After after)
    {
        var (m, participant) = await ArrangeAsync();

        var (delegation, runs) = await LookUpWhileAnotherUnitSavesAsync(m, participant, after, (data, _) => data.Add(new SpeakerEntry
        {
            SessionId = m.SessionId,
            DelegationId = m.DelegationIds[1],
            RequestedAt = TestMeeting.Start,
        }));

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
    /// Unit A looks the participant up and pauses; unit B changes things with <paramref name="change"/> and commits; A goes
    /// on as <paramref name="after"/> says and answers with the participant's delegation as it saw it last.
    /// </summary>
    private async Task<(int? Delegation, int Runs)> LookUpWhileAnotherUnitSavesAsync(
        TestMeeting m, Participant participant, After after, Action<IMeetingData, Participant> change)
    {
        var lookedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        var first = Store.ExecuteAsync(
            async (data, ct) =>
            {
                var seen = await data.FindParticipantAsync(participant.Channel, participant.ExternalId, ct);
                if (++runs == 1)
                {
                    lookedUp.SetResult();
                    await saved.Task.WaitAsync(ct);
                }

                switch (after)
                {
                    case After.Queues:
                        _ = await data.GetSessionAsync(m.SessionId, ct);
                        break;
                    case After.Refuses when seen!.DelegationId != m.DelegationIds[1]:
                        throw new InvalidOperationException("Not the delegation this test expects.");
                }

                return seen!.DelegationId;
            },
            CancellationToken.None);

        await lookedUp.Task;
        await Store.ExecuteAsync(
            async (data, ct) =>
            {
                change(data, (await data.FindParticipantAsync(participant.Channel, participant.ExternalId, ct))!);
                return 0;
            },
            CancellationToken.None);
        saved.SetResult();
        return (await first, runs);
    }
}
