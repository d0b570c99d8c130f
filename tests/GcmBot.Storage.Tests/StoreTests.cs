using System.Text.Json;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Import;
using GcmBot.Core.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Storage.Tests;

/// <summary>The storage contract, run unchanged against every provider by the sealed subclasses.</summary>
public abstract class StoreTests
{
    private const string Web = "web";

    private readonly DatabaseFixture _fixture;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2017, 12, 5, 16, 0, 0, TimeSpan.Zero));

    protected StoreTests(DatabaseFixture fixture)
    {
        _fixture = fixture;
    }

    private MeetingStore Store => _fixture.Store;

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigrationAndLeavesNonePending()
    {
        await using var db = _fixture.Factory.Create();

        var all = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();

        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Empty(pending);
        Assert.Equal(0, await db.SpeakerEntries.CountAsync(e => e.SessionId == -1));
    }

    [Fact]
    public async Task HasPendingModelChanges_ProviderContext_IsFalse()
    {
        await using var db = _fixture.Factory.Create();

        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name} has model changes without a migration.");
    }

    [Fact]
    public async Task Migrate_FocalPoints_ExistingDelegationsGetTheirFirstMemberStillInThemAsFocalPoint()
    {
        var old = _fixture.Another();
        await old.InitializeAsync();
        try
        {
            var m = await TestMeeting.CreateAsync(old.Store, 3);
            var at = TestMeeting.Start;
            Participant Person(string id, int? delegationId, DateTimeOffset firstSeen, DateTimeOffset? joined) =>
                new() { Channel = Web, ExternalId = id, DisplayName = id, DelegationId = delegationId, JoinedAt = joined, FirstSeenAt = firstSeen, Roles = Roles.Delegate };
            var people = new[]
            {
                Person("left-early", null, at.AddHours(-9), null),
                new Participant { Channel = Web, ExternalId = "asked-first", DisplayName = "asked-first", RequestedDelegationId = m.DelegationIds[0], RequestedAt = at.AddHours(-8), FirstSeenAt = at.AddHours(-8) },
                Person("joined-second", m.DelegationIds[0], at.AddHours(-7), at.AddHours(-1)),
                Person("member-before-joins-were-recorded", m.DelegationIds[0], at.AddHours(-2), null),
                Person("joined-third", m.DelegationIds[0], at.AddHours(-6), at),
                Person("alone", m.DelegationIds[1], at, at),
            };
            await old.Store.ExecuteAsync((data, _) => { Array.ForEach(people, data.Add); return Task.FromResult(0); }, CancellationToken.None);

            // Back to the schema before FocalPoints, with these members in it, then forward again as an upgrade would.
            await using (var db = old.Factory.Create())
            {
                var migrations = db.Database.GetMigrations().ToList();
                var focalPoints = migrations.FindIndex(n => n.EndsWith("_FocalPoints", StringComparison.Ordinal));
                var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
                await migrator.MigrateAsync(migrations[focalPoints - 1]);
                Assert.Contains(migrations[focalPoints], await db.Database.GetPendingMigrationsAsync());
                await migrator.MigrateAsync();
            }

            await using (var db = old.Factory.Create())
            {
                var stored = await db.Delegations.AsNoTracking().Where(d => d.MeetingId == m.MeetingId).ToDictionaryAsync(d => d.Id, d => d.FocalPointId);
                var ids = await db.Participants.AsNoTracking().ToDictionaryAsync(p => p.ExternalId, p => p.Id);
                Assert.Equal(ids["member-before-joins-were-recorded"], stored[m.DelegationIds[0]]);
                Assert.Equal(ids["alone"], stored[m.DelegationIds[1]]);
                Assert.Null(stored[m.DelegationIds[2]]);
            }

            var found = await old.Store.ExecuteAsync((data, ct) => data.GetFocalPointAsync(m.DelegationIds[0], ct), CancellationToken.None);
            Assert.Equal("member-before-joins-were-recorded", found?.ExternalId);
        }
        finally
        {
            await old.DisposeAsync();
        }
    }

    [Fact]
    public async Task StoreAsync_SampleMeeting_SessionsComeBackInOrderAtVenueTimes()
    {
        var now = _time.GetUtcNow();
        var path = Path.Combine(AppContext.BaseDirectory, "sample-meeting.json");
        var meetingId = await Store.ExecuteAsync(
            async (data, ct) =>
            {
                await using var stream = File.OpenRead(path);
                var file = await MeetingLoader.ReadAsync(stream, ct);
                return await MeetingLoader.StoreAsync(data, file, now, ct);
            },
            CancellationToken.None);

        var (meeting, sessions, delegations) = await Store.ExecuteAsync(
            async (data, ct) => (await data.GetMeetingAsync(ct), await data.GetSessionsAsync(meetingId, ct), await data.GetDelegationsAsync(meetingId, ct)),
            CancellationToken.None);

        var expected = ExpectedSessions(path);
        Assert.NotNull(meeting);
        Assert.Equal(meetingId, meeting.Id);
        Assert.Equal("America/Mexico_City", meeting.TimeZoneId);
        Assert.Equal(now, meeting.LoadedAt);
        Assert.Equal(expected.Count, sessions.Count);
        Assert.Equal(96, delegations.Count);
        Assert.Equal(sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Room, StringComparer.Ordinal).Select(s => s.Code), sessions.Select(s => s.Code));
        foreach (var session in sessions)
        {
            Assert.Equal(expected[session.Code], session.StartsAt);
            Assert.Equal(TimeSpan.Zero, session.StartsAt.Offset);
        }

        var roomA = await Store.ExecuteAsync((data, ct) => data.GetSessionsInRoomAsync(meetingId, "room a", ct), CancellationToken.None);
        Assert.Equal(sessions.Where(s => s.Room == "Room A").Select(s => s.Code), roomA.Select(s => s.Code));
        Assert.Equal(2, roomA.Count);

        var ag1 = Assert.Single(sessions, s => s.Code == "AG1");
        Assert.Equal(new DateTimeOffset(2017, 12, 5, 16, 45, 0, TimeSpan.Zero), ag1.StartsAt);
        Assert.Equal(new DateTimeOffset(2017, 12, 5, 10, 45, 0, TimeSpan.FromHours(-6)), meeting.ToLocal(ag1.StartsAt));
        Assert.Equal(2, ag1.Day);
        Assert.Equal("D1-REG", sessions[0].Code);
        Assert.Equal(new DateTimeOffset(2017, 12, 4, 14, 0, 0, TimeSpan.Zero), sessions[0].StartsAt);
    }

    [Fact]
    public async Task SyncAsync_MeetingFileAddress_StoredWithItsLabelThenRevokedWhenTakenOut()
    {
        // The Email column of this round's migration, on each provider; the address is this test's own.
        var address = $"{Guid.NewGuid():N}@example.org";
        var listed = await FileWithMexicoMembersAsync(address);
        var lifetime = TimeSpan.FromDays(7);
        await Store.ExecuteAsync((data, ct) => MeetingLoader.StoreAsync(data, listed, _time.GetUtcNow(), ct), CancellationToken.None);

        var created = await Store.ExecuteAsync((data, ct) => EmailInvitations.SyncAsync(data, listed, _time.GetUtcNow(), lifetime, ct), CancellationToken.None);
        var again = await Store.ExecuteAsync((data, ct) => EmailInvitations.SyncAsync(data, listed, _time.GetUtcNow(), lifetime, ct), CancellationToken.None);
        var stored = await InvitationsForAsync(address);
        var removed = await Store.ExecuteAsync(async (data, ct) => await EmailInvitations.SyncAsync(data, await FileWithMexicoMembersAsync(), _time.GetUtcNow(), lifetime, ct), CancellationToken.None);

        Assert.Equal(1, created.Created);
        Assert.Equal(0, again.Created);
        Assert.Equal(address, Assert.Single(stored).Email);
        Assert.Null(stored[0].RevokedAt);
        Assert.True(removed.Revoked >= 1);
        Assert.Equal(_time.GetUtcNow(), Assert.Single(await InvitationsForAsync(address)).RevokedAt);
    }

    private static async Task<MeetingFile> FileWithMexicoMembersAsync(params string[] members)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "sample-meeting.json")))!;
        json["delegations"]!.AsArray().Single(d => (string?)d!["name"] == "Mexico")!["members"] = new System.Text.Json.Nodes.JsonArray([.. members.Select(m => System.Text.Json.Nodes.JsonValue.Create(m))]);
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        return await MeetingLoader.ReadAsync(stream, CancellationToken.None);
    }

    private async Task<List<Invitation>> InvitationsForAsync(string address)
    {
        await using var db = _fixture.Factory.Create();
        return await db.Invitations.AsNoTracking().Where(i => i.Email == address).ToListAsync();
    }

    [Fact]
    public async Task SaveChanges_UtcInstantWithTicks_RoundTripsExactly()
    {
        // Whole microseconds: the finest instant both providers keep (PostgreSQL timestamptz has microseconds).
        _time.Advance(TimeSpan.FromTicks(1_234_567_890));
        var at = _time.GetUtcNow();
        var channel = UniqueChannel();

        await Store.ExecuteAsync((data, ct) => data.TryRecordEventAsync(channel, "evt", at, ct), CancellationToken.None);

        await using var db = _fixture.Factory.Create();
        var stored = await db.ProcessedEvents.SingleAsync(e => e.Channel == channel);
        Assert.Equal(at, stored.At);
        Assert.Equal(at.UtcTicks, stored.At.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.At.Offset);
    }

    [Fact]
    public async Task SaveChanges_InstantWithSubMicrosecondTicks_StoresWholeMicrosecondsOnBothProviders()
    {
        // TimeProvider.System has 100 ns ticks; PostgreSQL keeps microseconds, so both providers store microseconds.
        _time.Advance(TimeSpan.FromTicks(1_234_567_891));
        var at = _time.GetUtcNow();
        var channel = UniqueChannel();

        await Store.ExecuteAsync((data, ct) => data.TryRecordEventAsync(channel, "evt", at, ct), CancellationToken.None);

        await using var db = _fixture.Factory.Create();
        var stored = await db.ProcessedEvents.SingleAsync(e => e.Channel == channel);
        Assert.Equal(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMicrosecond), stored.At.UtcTicks);
        Assert.NotEqual(0, at.UtcTicks % TimeSpan.TicksPerMicrosecond);
    }

    [Fact]
    public async Task SaveChanges_InstantWithVenueOffset_StoresTheSameInstant()
    {
        // Domain code may hold venue-local values (Meeting.ToLocal); both providers must store the instant.
        var local = new DateTimeOffset(2017, 12, 5, 10, 45, 0, TimeSpan.FromHours(-6));
        var channel = UniqueChannel();

        await Store.ExecuteAsync((data, ct) => data.TryRecordEventAsync(channel, "evt", local, ct), CancellationToken.None);

        await using var db = _fixture.Factory.Create();
        var stored = await db.ProcessedEvents.SingleAsync(e => e.Channel == channel);
        Assert.Equal(local.UtcDateTime, stored.At.UtcDateTime);
    }

    [Fact]
    public async Task GetDelegationsAsync_StoredDelegations_ReturnedByIdAndByMeeting()
    {
        var m = await TestMeeting.CreateAsync(Store, 3);

        var (one, list, byIds, missing) = await Store.ExecuteAsync(
            async (data, ct) => (
                await data.GetDelegationAsync(m.DelegationIds[1], ct),
                await data.GetDelegationsAsync(m.MeetingId, ct),
                await data.GetDelegationsAsync([m.DelegationIds[0], m.DelegationIds[2], m.DelegationIds[0], int.MaxValue], ct),
                await data.GetDelegationAsync(int.MaxValue, ct)),
            CancellationToken.None);

        Assert.NotNull(one);
        Assert.Equal("Delegation 0002", one.Name);
        Assert.Equal(m.MeetingId, one.MeetingId);
        Assert.Equal(["Delegation 0001", "Delegation 0002", "Delegation 0003"], list.Select(d => d.Name));
        Assert.Equal(new[] { m.DelegationIds[0], m.DelegationIds[2] }.Order(), byIds.Keys.Order());
        Assert.Equal("Delegation 0003", byIds[m.DelegationIds[2]].Name);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Draft_SavedAndEdited_RoundTripsWithOnePerSession()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        var session = m.SessionId;
        var at = new DateTimeOffset(2017, 12, 5, 19, 1, 2, TimeSpan.Zero);
        var content = "{\"summary\":[{\"text\":\"Some delegations …\",\"sources\":[\"msg-1\",\"card-2\"]}]}";
        await Store.ExecuteAsync(
            (data, _) =>
            {
                data.Add(new Draft { SessionId = session, Content = content, Markdown = "# Report — ü", Drafter = "llm", Note = "fell back", DraftedAt = at, DraftedByParticipantId = 7 });
                return Task.FromResult(0);
            },
            CancellationToken.None);
        await Store.ExecuteAsync(
            async (data, ct) =>
            {
                var draft = (await data.GetDraftAsync(session, ct))!;
                draft.Edited = true;
                draft.EditedAt = at.AddMinutes(5);
                draft.PublishedAt = at.AddMinutes(6);
                return 0;
            },
            CancellationToken.None);

        var stored = await Store.ReadAsync((data, ct) => data.GetDraftAsync(session, ct), CancellationToken.None);
        var none = await Store.ReadAsync((data, ct) => data.GetDraftAsync(int.MaxValue, ct), CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal((content, "# Report — ü", "llm", "fell back", at, 7), (stored.Content, stored.Markdown, stored.Drafter, stored.Note, stored.DraftedAt, stored.DraftedByParticipantId));
        Assert.True(stored.Edited);
        Assert.Equal(at.AddMinutes(5), stored.EditedAt);
        Assert.True(stored.IsPublished);
        Assert.Null(none);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Store.ExecuteAsync(
            (data, _) =>
            {
                data.Add(new Draft { SessionId = session, Content = "{}", Markdown = "", Drafter = "extractive" });
                return Task.FromResult(0);
            },
            CancellationToken.None));
    }

    [Fact]
    public async Task CountMembersAsync_ParticipantsOfSeveralDelegations_CountsOnlyThatDelegation()
    {
        var m = await TestMeeting.CreateAsync(Store, 2);
        var channel = UniqueChannel();
        await AddParticipantsAsync(
            NewParticipant(channel, "1", "Ana", m.DelegationIds[0]),
            NewParticipant(channel, "2", "Bea", m.DelegationIds[0]),
            NewParticipant(channel, "3", "Carl", m.DelegationIds[1]),
            NewParticipant(channel, "4", "Dora", null));

        var (first, second) = await Store.ExecuteAsync(
            async (data, ct) => (await data.CountMembersAsync(m.DelegationIds[0], ct), await data.CountMembersAsync(m.DelegationIds[1], ct)),
            CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(1, second);
    }

    [Fact]
    public async Task FindParticipantAsync_ChannelAndExternalId_ReturnsOnlyThatParticipant()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        var channel = UniqueChannel();
        var other = UniqueChannel();
        await AddParticipantsAsync(NewParticipant(channel, "42", "Ana", m.DelegationIds[0]), NewParticipant(other, "42", "Zed", null));

        var (found, wrongChannel, unknown) = await Store.ExecuteAsync(
            async (data, ct) => (
                await data.FindParticipantAsync(channel, "42", ct),
                await data.FindParticipantAsync(UniqueChannel(), "42", ct),
                await data.FindParticipantAsync(channel, "43", ct)),
            CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("Ana", found.DisplayName);
        Assert.Equal(m.DelegationIds[0], found.DelegationId);
        Assert.Equal(Roles.Delegate, found.Roles);
        Assert.Equal(_time.GetUtcNow(), found.FirstSeenAt);
        Assert.Null(wrongChannel);
        Assert.Null(unknown);
    }

    [Theory]
    [InlineData("ana maría")]
    [InlineData("ANA MARÍA")]
    [InlineData("Ana María")]
    [InlineData("  @ana maría ")]
    [InlineData("<@123>")]
    [InlineData("<@!123>")]
    [InlineData("123")]
    public async Task FindParticipantsAsync_NameInAnyCaseOrMention_FindsTheParticipant(string typed)
    {
        var channel = UniqueChannel();
        await AddParticipantsAsync(
            NewParticipant(channel, "123", "Ana María", null),
            NewParticipant(channel, "456", "Ana", null),
            NewParticipant(UniqueChannel(), "123", "Ana María", null));

        var found = await Store.ExecuteAsync((data, ct) => data.FindParticipantsAsync(channel, typed, ct), CancellationToken.None);

        var participant = Assert.Single(found);
        Assert.Equal("123", participant.ExternalId);
        Assert.Equal(channel, participant.Channel);
    }

    [Theory]
    [InlineData("Ángela Pérez")]
    [InlineData("ángela pérez")]
    [InlineData("ÁNGELA PÉREZ")]
    public async Task FindParticipantsAsync_NonAsciiNameInAnyCase_FindsTheParticipant(string typed)
    {
        var channel = UniqueChannel();
        await AddParticipantsAsync(NewParticipant(channel, "789", "Ángela Pérez", null));

        var found = await Store.ExecuteAsync((data, ct) => data.FindParticipantsAsync(channel, typed, ct), CancellationToken.None);

        Assert.Equal("789", Assert.Single(found).ExternalId);
    }

    [Fact]
    public async Task FindParticipantsAsync_SameDisplayNameTwice_ReturnsBoth()
    {
        var channel = UniqueChannel();
        await AddParticipantsAsync(NewParticipant(channel, "1", "Sam", null), NewParticipant(channel, "2", "sam", null));

        var found = await Store.ExecuteAsync((data, ct) => data.FindParticipantsAsync(channel, "SAM", ct), CancellationToken.None);

        Assert.Equal(["1", "2"], found.Select(p => p.ExternalId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAssignmentsAsync_AssignedParticipant_ReturnsOnlyTheirAssignments()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        var channel = UniqueChannel();
        var (ana, bea) = (NewParticipant(channel, "1", "Ana", null), NewParticipant(channel, "2", "Bea", null));
        await AddParticipantsAsync(ana, bea);
        await Store.ExecuteAsync(
            (data, _) =>
            {
                data.Add(new SessionAssignment { SessionId = m.SessionId, ParticipantId = ana.Id, Role = Roles.Moderator });
                data.Add(new SessionAssignment { SessionId = m.OtherSessionId, ParticipantId = ana.Id, Role = Roles.Rapporteur });
                data.Add(new SessionAssignment { SessionId = m.SessionId, ParticipantId = bea.Id, Role = Roles.Rapporteur });
                return Task.FromResult(0);
            },
            CancellationToken.None);

        var found = await Store.ExecuteAsync((data, ct) => data.GetAssignmentsAsync(ana.Id, ct), CancellationToken.None);

        Assert.Equal(
            [(m.SessionId, Roles.Moderator), (m.OtherSessionId, Roles.Rapporteur)],
            found.Select(a => (a.SessionId, a.Role)).Order());
    }

    [Fact]
    public async Task GetBindingAsync_StoredBindings_ReturnedByConversationAndInOrder()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        var channel = UniqueChannel();
        var at = _time.GetUtcNow();
        await Store.ExecuteAsync(
            (data, _) =>
            {
                data.Add(new ChannelBinding { Channel = channel, ConversationId = "c1", SessionId = m.SessionId, Reference = "{\"x\":1}", BoundAt = at });
                data.Add(new ChannelBinding { Channel = channel, ConversationId = "c2", Room = "Room A", BoundAt = at });
                return Task.FromResult(0);
            },
            CancellationToken.None);

        var (c1, c2, none, all) = await Store.ExecuteAsync(
            async (data, ct) => (
                await data.GetBindingAsync(channel, "c1", ct),
                await data.GetBindingAsync(channel, "c2", ct),
                await data.GetBindingAsync(UniqueChannel(), "c1", ct),
                await data.GetBindingsAsync(ct)),
            CancellationToken.None);

        Assert.NotNull(c1);
        Assert.Equal(m.SessionId, c1.SessionId);
        Assert.Null(c1.Room);
        Assert.Equal("{\"x\":1}", c1.Reference);
        Assert.Equal(at, c1.BoundAt);
        Assert.NotNull(c2);
        Assert.Null(c2.SessionId);
        Assert.Equal("Room A", c2.Room);
        Assert.Null(none);
        Assert.Equal(["c1", "c2"], all.Where(b => b.Channel == channel).Select(b => b.ConversationId));
        Assert.Equal(all.Select(b => b.Id).Order(), all.Select(b => b.Id));
    }

    [Fact]
    public async Task GetWaitingAsync_EntriesInSeveralStatesAndSessions_ReturnsOnlyWaitingOfThatSession()
    {
        var m = await TestMeeting.CreateAsync(Store, 4);
        var d = m.DelegationIds;
        await Store.ExecuteAsync(
            (data, _) =>
            {
                data.Add(NewEntry(m.SessionId, d[0], EntryStatus.Waiting));
                data.Add(NewEntry(m.SessionId, d[1], EntryStatus.GivenFloor));
                data.Add(NewEntry(m.SessionId, d[2], EntryStatus.Withdrawn));
                data.Add(NewEntry(m.SessionId, d[3], EntryStatus.Removed));
                data.Add(NewEntry(m.SessionId, d[3], EntryStatus.Waiting, RequestKind.PointOfOrder));
                data.Add(NewEntry(m.OtherSessionId, d[1], EntryStatus.Waiting));
                return Task.FromResult(0);
            },
            CancellationToken.None);

        var waiting = await Store.ExecuteAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);

        Assert.Equal(
            [(d[0], RequestKind.Statement), (d[3], RequestKind.PointOfOrder)],
            waiting.Select(e => (e.DelegationId, e.Kind)).Order());
        Assert.All(waiting, e => Assert.Equal(EntryStatus.Waiting, e.Status));
        Assert.All(waiting, e => Assert.Equal(m.SessionId, e.SessionId));
    }

    [Fact]
    public async Task GetWaitingAsync_ListChangedByAnotherHostInstance_ReturnsTheChangedList()
    {
        var m = await TestMeeting.CreateAsync(Store, 3);
        var d = m.DelegationIds;
        await Store.ExecuteAsync((data, _) => { data.Add(NewEntry(m.SessionId, d[0], EntryStatus.Waiting)); return Task.FromResult(0); }, CancellationToken.None);
        var before = await Store.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);

        // Its own connection pool and its own copies of lists: only the database tells this host of the change.
        using var other = new MeetingStore(_fixture.CreateFactory("other"));
        await other.ExecuteAsync(
            async (data, ct) =>
            {
                var first = (await data.GetWaitingAsync(m.SessionId, ct)).Single();
                first.Status = EntryStatus.Withdrawn;
                data.Update(first);
                data.Add(NewEntry(m.SessionId, d[1], EntryStatus.Waiting));
                return 0;
            },
            CancellationToken.None);
        var afterRead = await Store.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);
        var afterWrite = await Store.ExecuteAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);

        Assert.Equal([d[0]], before.Select(e => e.DelegationId));
        Assert.Equal([d[1]], afterRead.Select(e => e.DelegationId));
        Assert.Equal([d[1]], afterWrite.Select(e => e.DelegationId));
    }

    [Fact]
    public async Task GetWaitingAsync_ReadAfterAChangeThatRolledBack_ReturnsTheCommittedList()
    {
        var m = await TestMeeting.CreateAsync(Store, 3);
        var d = m.DelegationIds;

        // A unit of work saves an entry, reads the list with it, then fails: that list never existed.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ExecuteAsync<int>(
            async (data, ct) =>
            {
                data.Add(NewEntry(m.SessionId, d[0], EntryStatus.Waiting));
                await data.FlushAsync(ct);
                Assert.Single(await data.GetWaitingAsync(m.SessionId, ct));
                throw new InvalidOperationException("The command fails after its first save.");
            },
            CancellationToken.None));
        await Store.ExecuteAsync((data, _) => { data.Add(NewEntry(m.SessionId, d[1], EntryStatus.Waiting)); return Task.FromResult(0); }, CancellationToken.None);
        var waiting = await Store.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);

        Assert.Equal([d[1]], waiting.Select(e => e.DelegationId));
    }

    [Fact]
    public async Task GetWaitingAsync_CallerChangesTheEntriesItWasGiven_NextReadIsUnchanged()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        await Store.ExecuteAsync((data, _) => { data.Add(NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting)); return Task.FromResult(0); }, CancellationToken.None);
        // The first read keeps its copy; the second is given entries from that copy.
        _ = await Store.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);
        var first = await Store.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);
        var key = first[0].SortKey;

        first[0].SortKey = key + 100;
        first[0].Status = EntryStatus.Withdrawn;
        var second = await Store.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);

        Assert.Equal(key, second.Single().SortKey);
        Assert.Equal(EntryStatus.Waiting, second.Single().Status);
    }

    [Fact]
    public async Task GetWaitingAsync_AfterAWriterChangedTheList_IsGivenTheWritersListWithoutReadingIt()
    {
        var m = await TestMeeting.CreateAsync(Store, 3);
        var d = m.DelegationIds;
        await Store.ExecuteAsync((data, _) => { data.Add(NewEntry(m.SessionId, d[0], EntryStatus.Waiting)); return Task.FromResult(0); }, CancellationToken.None);
        await Store.ExecuteAsync((data, _) => { data.Add(NewEntry(m.SessionId, d[1], EntryStatus.Waiting)); return Task.FromResult(0); }, CancellationToken.None);

        // A writer reads the list, withdraws one entry, saves a new one, then moves it: two saves in one transaction.
        await Store.ExecuteAsync(
            async (data, ct) =>
            {
                var first = (await data.GetWaitingAsync(m.SessionId, ct)).Single(e => e.DelegationId == d[0]);
                first.Status = EntryStatus.Withdrawn;
                data.Update(first);
                var added = NewEntry(m.SessionId, d[2], EntryStatus.Waiting);
                data.Add(added);
                await data.FlushAsync(ct);
                added.SortKey = 7;
                return 0;
            },
            CancellationToken.None);
        using var other = new MeetingStore(_fixture.CreateFactory("other"));
        var fromDatabase = await other.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);

        // Changed behind the store's back, without a new version: only a list read from the database would show it.
        await using (var db = _fixture.Factory.Create())
        {
            await db.SpeakerEntries.Where(e => e.SessionId == m.SessionId).ExecuteUpdateAsync(set => set.SetProperty(e => e.SortKey, 99.0));
        }

        var given = await Store.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);

        Assert.Equal([(d[1], 1.0), (d[2], 7.0)], fromDatabase.OrderBy(e => e.Id).Select(e => (e.DelegationId, e.SortKey)));
        Assert.Equal(
            fromDatabase.OrderBy(e => e.Id).Select(e => (e.Id, e.DelegationId, e.Status, e.SortKey, e.Segment, e.RequestedAt)),
            given.OrderBy(e => e.Id).Select(e => (e.Id, e.DelegationId, e.Status, e.SortKey, e.Segment, e.RequestedAt)));
    }

    [Fact]
    public async Task GetWaitingAsync_WriterReadTheListThenFailedAfterSaving_ReturnsTheCommittedList()
    {
        var m = await TestMeeting.CreateAsync(Store, 3);
        var d = m.DelegationIds;
        await Store.ExecuteAsync((data, _) => { data.Add(NewEntry(m.SessionId, d[0], EntryStatus.Waiting)); return Task.FromResult(0); }, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ExecuteAsync<int>(
            async (data, ct) =>
            {
                var first = (await data.GetWaitingAsync(m.SessionId, ct)).Single();
                first.Status = EntryStatus.Withdrawn;
                data.Update(first);
                data.Add(NewEntry(m.SessionId, d[1], EntryStatus.Waiting));
                await data.FlushAsync(ct);
                throw new InvalidOperationException("The command fails after its save.");
            },
            CancellationToken.None));

        // The next list version the database commits is a different list from the one that rolled back.
        await Store.ExecuteAsync(
            async (data, ct) =>
            {
                _ = await data.GetWaitingAsync(m.SessionId, ct);
                data.Add(NewEntry(m.SessionId, d[2], EntryStatus.Waiting));
                return 0;
            },
            CancellationToken.None);
        var afterRead = await Store.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);
        var afterWrite = await Store.ExecuteAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);

        Assert.Equal([d[0], d[2]], afterRead.OrderBy(e => e.Id).Select(e => e.DelegationId));
        Assert.Equal([d[0], d[2]], afterWrite.OrderBy(e => e.Id).Select(e => e.DelegationId));
    }

    [Fact]
    public async Task GetWaitingAsync_WriterDeletedEntries_NextReadLeavesThemOut()
    {
        var m = await TestMeeting.CreateAsync(Store, 3);
        var d = m.DelegationIds;
        await Store.ExecuteAsync(
            (data, _) =>
            {
                data.Add(NewEntry(m.SessionId, d[0], EntryStatus.Waiting));
                data.Add(NewEntry(m.SessionId, d[1], EntryStatus.Waiting));
                return Task.FromResult(0);
            },
            CancellationToken.None);

        await Store.ExecuteAsync(
            async (data, ct) =>
            {
                data.Remove((await data.GetWaitingAsync(m.SessionId, ct)).Single(e => e.DelegationId == d[0]));
                var added = NewEntry(m.SessionId, d[2], EntryStatus.Waiting);
                data.Add(added);
                await data.FlushAsync(ct);
                data.Remove(added);
                return 0;
            },
            CancellationToken.None);
        var waiting = await Store.ReadAsync((data, ct) => data.GetWaitingAsync(m.SessionId, ct), CancellationToken.None);

        Assert.Equal([d[1]], waiting.Select(e => e.DelegationId));
    }

    [Fact]
    public async Task SaveChangesAsync_SpeakerEntriesChanged_RaisesTheirSessionsListVersionOnce()
    {
        var m = await TestMeeting.CreateAsync(Store, 2);
        await using (var db = _fixture.Factory.Create())
        {
            db.SpeakerEntries.Add(NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting));
            db.SpeakerEntries.Add(NewEntry(m.SessionId, m.DelegationIds[1], EntryStatus.Waiting));
            await db.SaveChangesAsync();
        }

        await using var check = _fixture.Factory.Create();
        var versions = await check.Sessions.Where(s => s.MeetingId == m.MeetingId).OrderBy(s => s.Id).Select(s => s.ListVersion).ToListAsync();

        Assert.Equal([1L, 0L], versions);
    }

    [Fact]
    public async Task HasSpokenAsync_InterventionInOneSession_TrueOnlyForThatSessionAndDelegation()
    {
        var m = await TestMeeting.CreateAsync(Store, 2);
        var started = _time.GetUtcNow();
        var intervention = new Intervention
        {
            SessionId = m.SessionId,
            DelegationId = m.DelegationIds[0],
            Kind = InterventionKind.Statement,
            Segment = Segment.Main,
            StartedAt = started,
            AllottedSeconds = 120,
        };
        await Store.ExecuteAsync((data, _) => { data.Add(intervention); return Task.FromResult(0); }, CancellationToken.None);

        var (spoke, otherDelegation, otherSession, read) = await Store.ExecuteAsync(
            async (data, ct) => (
                await data.HasSpokenAsync(m.SessionId, m.DelegationIds[0], ct),
                await data.HasSpokenAsync(m.SessionId, m.DelegationIds[1], ct),
                await data.HasSpokenAsync(m.OtherSessionId, m.DelegationIds[0], ct),
                await data.GetInterventionAsync(intervention.Id, ct)),
            CancellationToken.None);

        Assert.True(spoke);
        Assert.False(otherDelegation);
        Assert.False(otherSession);
        Assert.NotNull(read);
        Assert.Equal(started, read.StartedAt);
        Assert.Null(read.EndedAt);
        Assert.Equal(TimeSpan.FromMinutes(2), read.Allotted);
    }

    [Fact]
    public async Task GetCardsAsync_CardsOfSeveralDelegations_FiltersBySessionAndDelegationInOrder()
    {
        var m = await TestMeeting.CreateAsync(Store, 2);
        var d = m.DelegationIds;
        var cards = new[]
        {
            NewCard(m.SessionId, d[0], "first"),
            NewCard(m.SessionId, d[1], "second"),
            NewCard(m.SessionId, d[0], "third"),
            NewCard(m.OtherSessionId, d[0], "elsewhere"),
        };
        await Store.ExecuteAsync((data, _) => { Array.ForEach(cards, data.Add); return Task.FromResult(0); }, CancellationToken.None);

        var (all, mine, one) = await Store.ExecuteAsync(
            async (data, ct) => (
                await data.GetCardsAsync(m.SessionId, null, ct),
                await data.GetCardsAsync(m.SessionId, d[0], ct),
                await data.GetCardAsync(cards[1].Id, ct)),
            CancellationToken.None);

        Assert.Equal(["first", "second", "third"], all.Select(c => c.Recommendation));
        Assert.Equal(["first", "third"], mine.Select(c => c.Recommendation));
        Assert.NotNull(one);
        Assert.Equal("second", one.Recommendation);
        Assert.Equal("means", one.Means);
        Assert.False(one.IsWithdrawn);
    }

    [Fact]
    public async Task FindContributionAsync_StoredMessage_FoundByChannelAndMessageId()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        var channel = UniqueChannel();
        var at = _time.GetUtcNow();
        await Store.ExecuteAsync(
            (data, _) =>
            {
                data.Add(new Contribution
                {
                    SessionId = m.SessionId,
                    Channel = channel,
                    ConversationId = "conv",
                    MessageId = "m1",
                    ParticipantId = 1,
                    DelegationId = m.DelegationIds[0],
                    AuthorName = "Ana",
                    Text = "Migration is a shared responsibility.",
                    At = at,
                });
                return Task.FromResult(0);
            },
            CancellationToken.None);

        var (found, other) = await Store.ExecuteAsync(
            async (data, ct) => (await data.FindContributionAsync(channel, "m1", ct), await data.FindContributionAsync(channel, "m2", ct)),
            CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("Migration is a shared responsibility.", found.Text);
        Assert.Equal(at, found.At);
        Assert.Null(found.EditedAt);
        Assert.Null(other);
    }

    [Fact]
    public async Task TryRecordEventAsync_SecondUnitOfWork_ReturnsFalse()
    {
        var channel = UniqueChannel();
        var at = _time.GetUtcNow();

        var first = await Store.ExecuteAsync((data, ct) => data.TryRecordEventAsync(channel, "evt-1", at, ct), CancellationToken.None);
        var second = await Store.ExecuteAsync((data, ct) => data.TryRecordEventAsync(channel, "evt-1", at, ct), CancellationToken.None);
        var otherEvent = await Store.ExecuteAsync((data, ct) => data.TryRecordEventAsync(channel, "evt-2", at, ct), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.True(otherEvent);
    }

    [Fact]
    public async Task TryRecordEventAsync_SameUnitOfWorkTwice_SecondReturnsFalse()
    {
        var channel = UniqueChannel();
        var at = _time.GetUtcNow();

        var (first, second) = await Store.ExecuteAsync(
            async (data, ct) => (await data.TryRecordEventAsync(channel, "evt-1", at, ct), await data.TryRecordEventAsync(channel, "evt-1", at, ct)),
            CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task ExecuteAsync_SecondWaitingEntryForSameKind_ThrowsDbUpdateException()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        await AddEntriesAsync(NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting));
        var attempts = 0;

        await Assert.ThrowsAsync<DbUpdateException>(() => Store.ExecuteAsync(
            (data, _) =>
            {
                Interlocked.Increment(ref attempts);
                data.Add(NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting));
                return Task.FromResult(0);
            },
            CancellationToken.None));

        Assert.Equal(1, await CountEntriesAsync(m.SessionId));
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task SaveChanges_SecondWaitingEntryOutsideTheStore_ThrowsDbUpdateException()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        await AddEntriesAsync(NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting));
        await using var db = _fixture.Factory.Create();
        db.SpeakerEntries.Add(NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData(EntryStatus.GivenFloor)]
    [InlineData(EntryStatus.Withdrawn)]
    [InlineData(EntryStatus.Removed)]
    public async Task ExecuteAsync_WaitingEntryAfterOneThatLeftTheList_IsStored(EntryStatus left)
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        await AddEntriesAsync(NewEntry(m.SessionId, m.DelegationIds[0], left), NewEntry(m.SessionId, m.DelegationIds[0], left));

        await AddEntriesAsync(
            NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting),
            NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting, RequestKind.Reply),
            NewEntry(m.OtherSessionId, m.DelegationIds[0], EntryStatus.Waiting));

        Assert.Equal(4, await CountEntriesAsync(m.SessionId));
        Assert.Equal(1, await CountEntriesAsync(m.OtherSessionId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteAsync_WorkThrowsAfterAdd_SavesNothing(bool flushFirst)
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        var channel = UniqueChannel();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ExecuteAsync<int>(
            async (data, ct) =>
            {
                data.Add(NewEntry(m.SessionId, m.DelegationIds[0], EntryStatus.Waiting));
                await data.TryRecordEventAsync(channel, "evt", _time.GetUtcNow(), ct);
                if (flushFirst)
                {
                    await data.FlushAsync(ct);
                }

                throw new InvalidOperationException("the command failed");
            },
            CancellationToken.None));

        Assert.Equal("the command failed", thrown.Message);
        Assert.Equal(0, await CountEntriesAsync(m.SessionId));
        await using var db = _fixture.Factory.Create();
        Assert.False(await db.ProcessedEvents.AnyAsync(e => e.Channel == channel));
    }

    [Fact]
    public async Task ExecuteAsync_200ConcurrentRequestsOfDifferentDelegations_EachSawEveryOneStoredBeforeIt()
    {
        const int Requests = 200;
        var m = await TestMeeting.CreateAsync(Store, Requests);

        await Task.WhenAll(m.DelegationIds.Select(delegationId => Task.Run(() => Store.ExecuteAsync(
            async (data, ct) =>
            {
                var entry = NewEntry(m.SessionId, delegationId, EntryStatus.Waiting);
                entry.SortKey = (await data.GetWaitingAsync(m.SessionId, ct)).Count + 1;
                data.Add(entry);
                return entry;
            },
            CancellationToken.None))));

        await using var db = _fixture.Factory.Create();
        var rows = await db.SpeakerEntries.Where(e => e.SessionId == m.SessionId).ToListAsync();
        Assert.Equal(Requests, rows.Count);
        Assert.All(rows, r => Assert.Equal(EntryStatus.Waiting, r.Status));
        Assert.Equal(m.DelegationIds.Order(), rows.Select(r => r.DelegationId).Order());

        // Ids follow the order the entries were stored in; each unit of work counted all the earlier ones, and only them.
        Assert.Equal(Enumerable.Range(1, Requests).Select(i => (double)i), rows.OrderBy(r => r.Id).Select(r => r.SortKey));
    }

    [Fact]
    public async Task ExecuteAsync_100ConcurrentRequestsOfOneDelegation_StoresOneWaitingEntry()
    {
        var m = await TestMeeting.CreateAsync(Store, 1);
        var delegationId = m.DelegationIds[0];

        var added = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => Store.ExecuteAsync(
            (data, ct) => AddIfAbsentAsync(data, m.SessionId, delegationId, participantId: 1, ct),
            CancellationToken.None))));

        Assert.Equal(1, added.Count(a => a));
        Assert.Equal(1, await CountEntriesAsync(m.SessionId));
    }

    internal static async Task<bool> AddIfAbsentAsync(IMeetingData data, int sessionId, int delegationId, int participantId, CancellationToken ct)
    {
        var waiting = await data.GetWaitingAsync(sessionId, ct);
        if (waiting.Any(e => e.DelegationId == delegationId && e.Kind == RequestKind.Statement))
        {
            return false;
        }

        var entry = NewEntry(sessionId, delegationId, EntryStatus.Waiting);
        entry.RequestedByParticipantId = participantId;
        data.Add(entry);
        return true;
    }

    internal static SpeakerEntry NewEntry(int sessionId, int delegationId, EntryStatus status, RequestKind kind = RequestKind.Statement) => new()
    {
        SessionId = sessionId,
        DelegationId = delegationId,
        Kind = kind,
        Segment = kind == RequestKind.PointOfOrder ? Segment.PointOfOrder : Segment.Main,
        SortKey = 1,
        Status = status,
        RequestedByParticipantId = 1,
        RequestedAt = TestMeeting.Start,
        LeftAt = status == EntryStatus.Waiting ? null : TestMeeting.Start.AddMinutes(5),
    };


    private static string UniqueChannel() => $"t{Guid.NewGuid():N}"[..16];

    private static Dictionary<string, DateTimeOffset> ExpectedSessions(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var zone = TimeZoneInfo.FindSystemTimeZoneById(json.RootElement.GetProperty("timeZone").GetString()!);
        return json.RootElement.GetProperty("sessions").EnumerateArray().ToDictionary(
            s => s.GetProperty("code").GetString()!,
            s =>
            {
                var local = DateTime.Parse($"{s.GetProperty("date").GetString()}T{s.GetProperty("start").GetString()}", System.Globalization.CultureInfo.InvariantCulture);
                return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
            });
    }

    private Participant NewParticipant(string channel, string externalId, string name, int? delegationId) => new()
    {
        Channel = channel,
        ExternalId = externalId,
        DisplayName = name,
        DelegationId = delegationId,
        Roles = Roles.Delegate,
        FirstSeenAt = _time.GetUtcNow(),
    };

    private static Card NewCard(int sessionId, int delegationId, string text) => new()
    {
        SessionId = sessionId,
        DelegationId = delegationId,
        SubmittedByParticipantId = 1,
        Recommendation = text,
        Means = "means",
        SubmittedAt = TestMeeting.Start,
    };

    private Task AddParticipantsAsync(params Participant[] participants) =>
        Store.ExecuteAsync((data, _) => { Array.ForEach(participants, data.Add); return Task.FromResult(0); }, CancellationToken.None);

    private Task AddEntriesAsync(params SpeakerEntry[] entries) =>
        Store.ExecuteAsync((data, _) => { Array.ForEach(entries, data.Add); return Task.FromResult(0); }, CancellationToken.None);

    private async Task<int> CountEntriesAsync(int sessionId)
    {
        await using var db = _fixture.Factory.Create();
        return await db.SpeakerEntries.CountAsync(e => e.SessionId == sessionId);
    }
}
