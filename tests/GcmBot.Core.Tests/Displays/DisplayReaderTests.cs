using GcmBot.Core.Capture;
using GcmBot.Core.Delivery;
using GcmBot.Core.Displays;
using GcmBot.Core.Handling;
using GcmBot.Core.Speaking;
using GcmBot.Core.Tests.Handling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Core.Tests.Displays;

public sealed class DisplayReaderTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MeetingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ReadRoomAsync_SpeakerAndList_FloorDeadlineNextFiveStakeholdersMarked()
    {
        await _harness.OpenAg1();
        string[] users = ["mex", "che", "nld", "chl", "bra", "arg", "iom", "mfa"];
        string[] names = ["Mexico", "Switzerland", "Netherlands", "Chile", "Brazil", "Argentina", "IOM", "Migrant Forum in Asia"];
        foreach (var (user, name) in users.Zip(names))
        {
            await _harness.Delegate(user, name);
            await _harness.Expect(user, "speak");
        }

        await _harness.Expect("mod", "next");
        var display = (await ReadAsync("room a"))!;

        Assert.Equal("Room A", display.Room);
        Assert.Equal("AG1", display.Session!.Code);
        Assert.Equal("open", display.Session.Status);
        Assert.Equal("10:45", display.Session.Starts);
        Assert.Equal(new FloorView("Mexico", "Member State", "memberState", "statement", "main", MeetingHarness.Start, 120, "running", MeetingHarness.Start.AddMinutes(2), null, "statement"), display.Floor);
        Assert.Equal(["Switzerland", "Netherlands", "Chile", "Brazil", "Argentina"], display.Next.Select(n => n.Delegation));
        Assert.Equal(7, display.Waiting);
        Assert.Equal(2, display.StakeholdersWaiting);
        Assert.Equal(30, display.WarningSeconds);
        Assert.Equal(MeetingHarness.Start, display.ServerTime);

        await _harness.Expect("mod", "list remove Brazil");
        await _harness.Expect("mod", "list remove Argentina");
        await _harness.Expect("mod", "timer pause");
        display = (await ReadAsync("Room A"))!;
        Assert.Equal(["main", "main", "main", "stakeholders", "stakeholders"], display.Next.Select(n => n.Segment));
        Assert.Equal(["Switzerland", "Netherlands", "Chile", "International Organization for Migration", "Migrant Forum in Asia"], display.Next.Select(n => n.Delegation));
        Assert.Equal("paused", display.Floor!.Timer);
        Assert.Equal(120, display.Floor.RemainingSeconds);
        Assert.Null(display.Floor.Deadline);
    }

    [Fact]
    public async Task ReadRoomAsync_ChatMessageThenMoveBeyondTheNextFive_ListVersionFollowsTheListOnly()
    {
        await _harness.OpenAg1();
        string[] users = ["mex", "che", "nld", "chl", "bra", "arg", "iom", "mfa"];
        string[] names = ["Mexico", "Switzerland", "Netherlands", "Chile", "Brazil", "Argentina", "IOM", "Migrant Forum in Asia"];
        foreach (var (user, name) in users.Zip(names))
        {
            await _harness.Delegate(user, name);
            await _harness.Expect(user, "speak");
        }

        var before = (await ReadAsync("Room A"))!;
        var captured = await new ContributionService(_harness.Store, _harness.Time)
            .CaptureAsync(MeetingHarness.Channel, MeetingHarness.RoomA, "message-1", "mex", "mex", "Regular pathways need bilateral labour agreements.", CancellationToken.None);
        var afterChat = (await ReadAsync("Room A"))!;
        // Positions 7 and 8 swap: the next five and the count stay as they were.
        await _harness.Expect("mod", "list move Migrant Forum in Asia 7");
        var moved = (await ReadAsync("Room A"))!;

        Assert.NotNull(captured.Contribution);
        Assert.Equal(before.Contributions + 1, afterChat.Contributions);
        Assert.Equal(before.ListVersion, afterChat.ListVersion);
        Assert.Equal(before.Next, moved.Next);
        Assert.Equal(before.Waiting, moved.Waiting);
        Assert.NotEqual(before.ListVersion, moved.ListVersion);
    }

    [Fact]
    public async Task ReadRoomAsync_UnknownRoom_Null() => Assert.Null(await ReadAsync("Room Z"));

    [Fact]
    public async Task ReadOverviewAsync_ActionGroupMorning_ThreeActionGroupsAndThePlenary()
    {
        var overview = (await _harness.Store.ReadAsync((data, ct) => DisplayReader.ReadOverviewAsync(data, _harness.Time.GetUtcNow(), new ReminderRules(), ct), CancellationToken.None))!;

        Assert.Equal("Tuesday 5 December 2017, morning", overview.HalfDay);
        Assert.Equal(["Plenary Hall", "Room A", "Room B", "Room C"], overview.Rooms.Select(r => r.Room));
        Assert.Equal(["D2-SYNTH", "AG1", "AG2", "AG3"], overview.Rooms.Select(r => r.Session!.Code));
    }

    [Fact]
    public async Task HandleAsync_CommandsThatChangeARoom_NotifyItsDisplayAfterCommit()
    {
        var notifier = new RecordingNotifier();
        var service = new CommandService(_harness.Store, _harness.Time, Options.Create(new SpeakingRules()), NullLogger<CommandService>.Instance, displays: notifier);
        await _harness.Moderator("mod");
        await _harness.Delegate("mex", "Mexico");

        await service.HandleAsync(new Inbound("web", MeetingHarness.RoomA, "mod", "mod") { Text = "session open" }, CancellationToken.None);
        await service.HandleAsync(new Inbound("web", MeetingHarness.RoomA, "mex", "mex") { Text = "speak" }, CancellationToken.None);
        await service.HandleAsync(new Inbound("web", MeetingHarness.RoomA, "mex", "mex") { Text = "speak" }, CancellationToken.None); // refused: nothing committed
        await service.HandleAsync(new Inbound("web", MeetingHarness.RoomA, "mex", "mex") { Text = "queue" }, CancellationToken.None); // a read
        await service.HandleAsync(new Inbound("web", MeetingHarness.RoomA, MeetingHarness.Organiser, "org") { Text = "session room AG1 to Room D new" }, CancellationToken.None);

        Assert.Equal(["Room A", "Room A", "Room A|Room D"], notifier.Calls);
    }

    private Task<RoomDisplay?> ReadAsync(string room) =>
        _harness.Store.ReadAsync((data, ct) => DisplayReader.ReadRoomAsync(data, room, _harness.Time.GetUtcNow(), new ReminderRules(), ct), CancellationToken.None);

    private sealed class RecordingNotifier : IDisplayNotifier
    {
        public List<string> Calls { get; } = [];

        public void RoomsChanged(IEnumerable<string> rooms) => Calls.Add(string.Join('|', rooms.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)));
    }
}
