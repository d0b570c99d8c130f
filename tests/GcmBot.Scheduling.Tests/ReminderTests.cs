using GcmBot.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Scheduling.Tests;

/// <summary>Reminders and scheduled broadcasts, fired by the in-process timers on a fake clock.</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private BotHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task RemindMe_Ag1TenMinutes_SentToThePersonsPrivateMessagesOnlyAt1035()
    {
        var host = Start(BotHost.BeforeActionGroups);
        var room = await host.FeedAsync();
        var ana = await host.Chat.IdentityAsync("Ana Rivera", "Mexico", "delegate");
        var others = await host.Chat.IdentityAsync("Ben Other", "Chile", "delegate");
        var mine = await host.PrivateFeedAsync(ana);
        var theirs = await host.PrivateFeedAsync(others);

        var reply = await host.Chat.RunAsync(ana, WebChat.RoomA, "/remind me AG1 10m");

        Assert.Equal("private", reply.GetProperty("visibility").GetString());
        var dueAt = new DateTimeOffset(2017, 12, 5, 16, 35, 0, TimeSpan.Zero);
        host.AdvanceTo(dueAt);
        var reminder = await mine.WaitForAsync(IsAg1Reminder);
        Assert.Equal(dueAt, Messages.At(reminder));
        Assert.Equal("private", reminder.GetProperty("visibility").GetString());
        Assert.Contains("starts at 10:45 in Room A", Messages.Text(reminder), StringComparison.Ordinal);
        host.AdvanceTo(dueAt + TimeSpan.FromMinutes(30));
        await host.FenceAsync(room, ana);
        Assert.Equal(1, mine.Count(IsAg1Reminder));
        Assert.Equal(0, theirs.Count(IsAg1Reminder));
        Assert.DoesNotContain(room.Received, m => Messages.Text(m).Contains("Ana Rivera", StringComparison.Ordinal));

        static bool IsAg1Reminder(System.Text.Json.JsonElement m) => Messages.Title(m) == "Reminder" && Messages.Text(m).StartsWith("**AG1", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionMove_WithAPersonalReminder_TheReminderFollowsTheNewStart()
    {
        var host = Start(BotHost.DuringActionGroups);
        var organiser = await host.Chat.IdentityAsync("Secretariat", null, "organiser");
        var ana = await host.Chat.IdentityAsync("Ana Rivera", "Mexico", "delegate");
        var mine = await host.PrivateFeedAsync(ana);
        await host.Chat.RunAsync(ana, WebChat.RoomA, "/remind me AG4 15m");
        var oldDue = new DateTimeOffset(2017, 12, 5, 15, 15, 0, TimeSpan.FromHours(-6));
        var newDue = new DateTimeOffset(2017, 12, 5, 15, 45, 0, TimeSpan.FromHours(-6));

        await host.Chat.RunAsync(organiser, WebChat.RoomB, "/session move AG4 to 16:00");

        host.AdvanceTo(oldDue);
        host.AdvanceTo(newDue);
        var reminder = await mine.WaitForAsync(IsAg4Reminder);
        Assert.Equal(newDue, Messages.At(reminder));
        Assert.Contains("starts at 16:00 in Room A", Messages.Text(reminder), StringComparison.Ordinal);
        Assert.Equal(1, mine.Count(IsAg4Reminder));
        var personal = (await host.NoticesAsync()).Where(n => n.Kind == NoticeKind.Reminder).ToList();
        Assert.Equal([oldDue, newDue], personal.Select(n => n.DueAt).Order());
        Assert.Null(personal.Single(n => n.DueAt == oldDue).FiredAt);

        static bool IsAg4Reminder(System.Text.Json.JsonElement m) => Messages.Title(m) == "Reminder" && Messages.Text(m).StartsWith("**AG4", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionReminders_PlannedAtStartUp_Ag1ReminderFiresAt1035()
    {
        var host = Start(BotHost.BeforeActionGroups);
        var feed = await host.FeedAsync();
        var token = await host.Chat.IdentityAsync("Observer", null, "delegate");
        var dueAt = new DateTimeOffset(2017, 12, 5, 16, 35, 0, TimeSpan.Zero);
        var ag1 = await host.SessionAsync("AG1");
        Assert.Contains(await host.NoticesAsync(), n => n.Kind == NoticeKind.SessionReminder && n.SessionId == ag1.Id && n.DueAt == dueAt);

        host.AdvanceTo(dueAt - TimeSpan.FromMilliseconds(1));
        await host.FenceAsync(feed, token);
        Assert.Equal(0, feed.Count(IsAg1Reminder));
        host.AdvanceTo(dueAt);

        var reminder = await feed.WaitForAsync(IsAg1Reminder);
        Assert.Equal(dueAt, Messages.At(reminder));
        Assert.Contains("starts at 10:45 in Room A", Messages.Text(reminder), StringComparison.Ordinal);
        host.AdvanceTo(dueAt + TimeSpan.FromMinutes(30));
        await host.FenceAsync(feed, token);
        Assert.Equal(1, feed.Count(IsAg1Reminder));

        static bool IsAg1Reminder(System.Text.Json.JsonElement m) => Messages.Title(m) == "Reminder" && Messages.Text(m).StartsWith("**AG1", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionOpen_ModeratorReminders_FireTwelveAndFiveMinutesBeforeTheEnd()
    {
        var host = Start(BotHost.DuringActionGroups);
        var feed = await host.FeedAsync();
        var (moderator, _) = await host.OpenAg1Async();
        var endsAt = (await host.SessionAsync("AG1")).EndsAt;

        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(12) - TimeSpan.FromMilliseconds(1));
        await host.FenceAsync(feed, moderator);
        Assert.Equal(0, feed.Count(IsStakeholderReminder));
        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(12));
        Assert.Equal(endsAt - TimeSpan.FromMinutes(12), Messages.At(await feed.WaitForAsync(IsStakeholderReminder)));

        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        await host.FenceAsync(feed, moderator);
        Assert.Equal(0, feed.Count(IsEndingReminder));
        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(5));
        Assert.Equal(endsAt - TimeSpan.FromMinutes(5), Messages.At(await feed.WaitForAsync(IsEndingReminder)));

        host.AdvanceTo(endsAt + TimeSpan.FromMinutes(5));
        await host.FenceAsync(feed, moderator);
        Assert.Equal(1, feed.Count(IsStakeholderReminder));
        Assert.Equal(1, feed.Count(IsEndingReminder));
    }

    [Fact]
    public async Task Stakeholders_StartedBeforeTheReminder_OnlyTheEndingReminderIsSent()
    {
        var host = Start(BotHost.DuringActionGroups);
        var feed = await host.FeedAsync();
        var (moderator, _) = await host.OpenAg1Async();
        var endsAt = (await host.SessionAsync("AG1")).EndsAt;
        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(20));

        await host.Chat.RunAsync(moderator, WebChat.RoomA, "/stakeholders");

        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(12));
        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(5));
        await feed.WaitForAsync(IsEndingReminder);
        await host.FenceAsync(feed, moderator);
        Assert.Equal(0, feed.Count(IsStakeholderReminder));
        Assert.All((await host.NoticesAsync()).Where(n => n.Kind == NoticeKind.StakeholderSegment), n => Assert.Null(n.FiredAt));
    }

    [Fact]
    public async Task SessionClose_BeforeTheModeratorReminders_NeitherIsSent()
    {
        var host = Start(BotHost.DuringActionGroups);
        var feed = await host.FeedAsync();
        var (moderator, _) = await host.OpenAg1Async();
        var endsAt = (await host.SessionAsync("AG1")).EndsAt;
        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(30));

        await host.Chat.RunAsync(moderator, WebChat.RoomA, "/session close AG1");

        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(12));
        host.AdvanceTo(endsAt - TimeSpan.FromMinutes(5));
        host.AdvanceTo(endsAt + TimeSpan.FromMinutes(1));
        await host.FenceAsync(feed, moderator);
        Assert.Equal(0, feed.Count(m => IsStakeholderReminder(m) || IsEndingReminder(m)));
        var moderatorNotices = (await host.NoticesAsync()).Where(n => n.Kind is NoticeKind.StakeholderSegment or NoticeKind.SessionEnding).ToList();
        Assert.Equal(2, moderatorNotices.Count);
        Assert.All(moderatorNotices, n =>
        {
            Assert.Null(n.FiredAt);
            Assert.Equal(endsAt - TimeSpan.FromMinutes(30), n.CancelledAt);
        });
    }

    [Fact]
    public async Task BroadcastIn_TenMinutes_FiresOnceToEveryBoundConversation()
    {
        var host = Start(BotHost.DuringActionGroups);
        await host.BindTestConversationAsync("test:plenary", "Plenary Hall");
        var roomA = await host.FeedAsync(WebChat.RoomA);
        var roomB = await host.FeedAsync(WebChat.RoomB);
        var organiser = await host.Chat.IdentityAsync("Secretariat", null, "organiser");
        var dueAt = host.Now + TimeSpan.FromMinutes(10);

        var reply = await host.Chat.RunAsync(organiser, WebChat.RoomA, "/broadcast in 10m Coffee is served in the common area.");

        Assert.Contains("scheduled for Tue 5 Dec 11:00", Messages.Text(reply), StringComparison.Ordinal);
        host.AdvanceTo(dueAt - TimeSpan.FromMilliseconds(1));
        await host.FenceAsync(roomA, organiser);
        Assert.Equal(0, roomA.Count(IsCoffee));
        Assert.Empty(host.Recording.Sent);

        host.AdvanceTo(dueAt);
        Assert.Equal(dueAt, Messages.At(await roomA.WaitForAsync(IsCoffee)));
        Assert.Equal(dueAt, Messages.At(await roomB.WaitForAsync(IsCoffee)));
        host.AdvanceTo(dueAt + TimeSpan.FromMinutes(10));
        await host.FenceAsync(roomA, organiser);
        await host.FenceAsync(roomB, organiser, WebChat.RoomB);
        Assert.Equal(1, roomA.Count(IsCoffee));
        Assert.Equal(1, roomB.Count(IsCoffee));
        var recorded = Assert.Single(host.Recording.Sent);
        Assert.Equal("test:plenary", recorded.Binding.ConversationId);
        Assert.Equal("Coffee is served in the common area.", recorded.Message.Text);

        static bool IsCoffee(System.Text.Json.JsonElement m) => Messages.Text(m) == "Coffee is served in the common area." && Messages.Title(m) == "Announcement from the secretariat";
    }

    [Fact]
    public async Task BroadcastAt_1455_FiresAtThatVenueTime()
    {
        var host = Start(BotHost.DuringActionGroups);
        var feed = await host.FeedAsync();
        var organiser = await host.Chat.IdentityAsync("Secretariat", null, "organiser");
        var dueAt = new DateTimeOffset(2017, 12, 5, 14, 55, 0, TimeSpan.FromHours(-6));

        await host.Chat.RunAsync(organiser, WebChat.RoomA, "/broadcast at 14:55 The afternoon action groups start in 5 minutes.");

        Assert.Contains(await host.NoticesAsync(), n => n.Kind == NoticeKind.Broadcast && n.DueAt == dueAt);
        host.AdvanceTo(dueAt - TimeSpan.FromMilliseconds(1));
        await host.FenceAsync(feed, organiser);
        Assert.Equal(0, feed.Count(IsAfternoon));
        host.AdvanceTo(dueAt);
        Assert.Equal(dueAt, Messages.At(await feed.WaitForAsync(IsAfternoon)));

        static bool IsAfternoon(System.Text.Json.JsonElement m) => Messages.Text(m) == "The afternoon action groups start in 5 minutes.";
    }

    [Fact]
    public async Task BroadcastAt_MonthsAhead_ConfirmedStoredOnceAndFiredWhenItComesNear()
    {
        var host = Start(BotHost.DuringActionGroups);
        var feed = await host.FeedAsync();
        var organiser = await host.Chat.IdentityAsync("Secretariat", null, "organiser");
        var dueAt = new DateTimeOffset(2018, 3, 1, 9, 0, 0, TimeSpan.FromHours(-6)); // 86 days on: over a timer's 49-day limit

        var reply = await host.Chat.RunAsync(organiser, WebChat.RoomA, "/broadcast at 2018-03-01T09:00 Registration for the follow-up opens today.");

        Assert.Contains("scheduled for", Messages.Text(reply), StringComparison.Ordinal);
        Assert.Single(await host.NoticesAsync(), n => n.Kind == NoticeKind.Broadcast && n.DueAt == dueAt);
        host.AdvanceTo(dueAt - TimeSpan.FromMilliseconds(1));
        await host.FenceAsync(feed, organiser);
        Assert.Equal(0, feed.Count(IsFollowUp));
        host.AdvanceTo(dueAt);
        Assert.Equal(dueAt, Messages.At(await feed.WaitForAsync(IsFollowUp)));
        host.AdvanceTo(dueAt + TimeSpan.FromMinutes(1));
        await host.FenceAsync(feed, organiser);
        Assert.Equal(1, feed.Count(IsFollowUp));

        static bool IsFollowUp(System.Text.Json.JsonElement m) => Messages.Text(m) == "Registration for the follow-up opens today.";
    }

    [Fact]
    public async Task BroadcastCancel_ListedAnnouncement_IsNeverSent()
    {
        var host = Start(BotHost.DuringActionGroups);
        var feed = await host.FeedAsync();
        var organiser = await host.Chat.IdentityAsync("Secretariat", null, "organiser");
        await host.Chat.RunAsync(organiser, WebChat.RoomA, "/broadcast in 10m First call.");
        await host.Chat.RunAsync(organiser, WebChat.RoomA, "/broadcast in 20m Second call.");

        var listed = await host.Chat.RunAsync(organiser, WebChat.RoomA, "/broadcasts");

        var items = listed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["First call.", "Second call."], items.Select(i => i.GetProperty("label").GetString()));
        var first = items[0].GetProperty("position").GetInt32();
        var cancelled = await host.Chat.RunAsync(organiser, WebChat.RoomA, $"/broadcast cancel {first}");
        Assert.Contains($"#{first} cancelled", Messages.Text(cancelled), StringComparison.Ordinal);
        var again = await host.Chat.SendAsync(organiser, WebChat.RoomA, $"/broadcast cancel {first}");
        Assert.True(again.GetProperty("isError").GetBoolean());

        host.AdvanceTo(host.Now + TimeSpan.FromMinutes(20));
        await feed.WaitForAsync(m => Messages.Text(m) == "Second call.");
        await host.FenceAsync(feed, organiser);
        Assert.Equal(0, feed.Count(m => Messages.Text(m) == "First call."));
        var remaining = await host.Chat.RunAsync(organiser, WebChat.RoomA, "/broadcasts");
        Assert.Empty(remaining.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task SessionMove_Ag4To1600_AnnouncedInItsRoomAndItsReminderMovesTo1550()
    {
        var host = Start(BotHost.DuringActionGroups);
        var roomA = await host.FeedAsync(WebChat.RoomA);
        var organiser = await host.Chat.IdentityAsync("Secretariat", null, "organiser");
        var ag4 = await host.SessionAsync("AG4");
        var oldReminder = new DateTimeOffset(2017, 12, 5, 15, 20, 0, TimeSpan.FromHours(-6));
        var newReminder = new DateTimeOffset(2017, 12, 5, 15, 50, 0, TimeSpan.FromHours(-6));
        Assert.Contains(await host.NoticesAsync(), n => n.Kind == NoticeKind.SessionReminder && n.SessionId == ag4.Id && n.DueAt == oldReminder);

        // Typed in Room B: Room A (AG4's room) learns of it by announcement, not by the reply.
        await host.Chat.RunAsync(organiser, WebChat.RoomB, "/session move AG4 to 16:00");

        var announced = await roomA.WaitForAsync(m => Messages.Title(m) == "Agenda change");
        Assert.Contains("now runs 16:00–18:30 (was 15:30–18:00)", Messages.Text(announced), StringComparison.Ordinal);
        host.AdvanceTo(oldReminder);
        host.AdvanceTo(newReminder - TimeSpan.FromMilliseconds(1));
        await host.FenceAsync(roomA, organiser);
        Assert.Equal(0, roomA.Count(IsAg4Reminder));
        host.AdvanceTo(newReminder);
        var reminder = await roomA.WaitForAsync(IsAg4Reminder);
        Assert.Equal(newReminder, Messages.At(reminder));
        Assert.Contains("starts at 16:00 in Room A", Messages.Text(reminder), StringComparison.Ordinal);
        host.AdvanceTo(newReminder + TimeSpan.FromHours(1));
        await host.FenceAsync(roomA, organiser);
        Assert.Equal(1, roomA.Count(IsAg4Reminder));

        static bool IsAg4Reminder(System.Text.Json.JsonElement m) => Messages.Title(m) == "Reminder" && Messages.Text(m).StartsWith("**AG4", StringComparison.Ordinal);
    }

    private static bool IsStakeholderReminder(System.Text.Json.JsonElement m) => Messages.Title(m) == "AG1: stakeholder segment";

    private static bool IsEndingReminder(System.Text.Json.JsonElement m) => Messages.Title(m) == "AG1: time nearly up";

    private BotHost Start(DateTimeOffset now) => _host = new BotHost(new FakeTimeProvider(now));
}
