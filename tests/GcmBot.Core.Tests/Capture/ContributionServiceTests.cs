using GcmBot.Core.Capture;
using GcmBot.Core.Tests.Handling;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Core.Tests.Capture;

public sealed class ContributionServiceTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;
    private ContributionService _contributions = null!;

    public async Task InitializeAsync()
    {
        _harness = await MeetingHarness.StartAsync();
        _contributions = new ContributionService(_harness.Store, _harness.Time);
        await _harness.Delegate("mex", "Mexico");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task CaptureAsync_SessionOpenInBoundRoom_StoresAuthorDelegationAndTime()
    {
        await _harness.OpenAg1();

        var captured = await Capture("m1", "We propose portable social security for migrant workers.");

        Assert.NotNull(captured.Contribution);
        Assert.Null(captured.NotRecorded);
        var stored = await _harness.Query(db => db.Contributions.AsNoTracking().SingleAsync());
        var ag1 = await _harness.Session("AG1");
        Assert.Equal(ag1.Id, stored.SessionId);
        Assert.Equal((await _harness.DelegationNamed("Mexico")).Id, stored.DelegationId);
        Assert.Equal(MeetingHarness.Start, stored.At);
        Assert.Equal("We propose portable social security for migrant workers.", stored.Text);
    }

    [Fact]
    public async Task CaptureAsync_NoOpenSession_CapturesNothingAndSaysSo()
    {
        var captured = await Capture("m1", "Good morning, colleagues.");

        Assert.Null(captured.Contribution);
        Assert.Equal("No session is open here yet, so this was not recorded as a contribution. It is recorded once the moderator opens the session.", captured.NotRecorded);
        Assert.Equal(0, await _harness.Query(db => db.Contributions.CountAsync()));
    }

    [Fact]
    public async Task CaptureAsync_AfterSessionClosed_SaysItWasNotRecorded()
    {
        await _harness.OpenAg1();
        _harness.Time.Advance(TimeSpan.FromMinutes(12));
        await _harness.Expect(MeetingHarness.Organiser, "session close AG1");

        var captured = await Capture("m1", "One more thought on portable pensions.");

        Assert.Null(captured.Contribution);
        Assert.Equal("AG1 closed at 11:02, so this was not recorded as a contribution to it.", captured.NotRecorded);
        Assert.Equal(0, await _harness.Query(db => db.Contributions.CountAsync()));
    }

    [Theory]
    [InlineData("speak", "speak")]
    [InlineData("  Speak ", "speak")]
    [InlineData("register Atlantis", "register")]
    [InlineData("list move Mexico 1", "list move")]
    public async Task CaptureAsync_CommandNameWithoutSlash_NotCapturedAndPointsToTheCommand(string text, string command)
    {
        await _harness.OpenAg1();

        var captured = await Capture("m1", text);

        Assert.Null(captured.Contribution);
        Assert.StartsWith($"“{text.Trim()}” reads as the command `/{command}`, so it was not recorded as a contribution. Commands start with `/`: type `/{text.Trim()}`.", captured.NotRecorded, StringComparison.Ordinal);
        Assert.Equal(0, await _harness.Query(db => db.Contributions.CountAsync()));
    }

    [Theory]
    [InlineData("Next, we should look at portable pensions for all migrant workers.")]
    [InlineData("Speak up for domestic workers")]
    [InlineData("Thanks")]
    public async Task CaptureAsync_RemarkStartingLikeACommand_Captured(string text)
    {
        await _harness.OpenAg1();

        var captured = await Capture("m1", text);

        Assert.NotNull(captured.Contribution);
        Assert.Null(captured.NotRecorded);
    }

    [Fact]
    public async Task CaptureAsync_UnboundConversation_CapturesNothing()
    {
        await _harness.OpenAg1();

        Assert.Equal(CaptureResult.Nothing, await _contributions.CaptureAsync(MeetingHarness.Channel, "elsewhere", "m1", "mex", "Ana", "Hello", CancellationToken.None));
    }

    [Fact]
    public async Task CaptureAsync_SameMessageRedelivered_StoredOnce()
    {
        await _harness.OpenAg1();

        await Capture("m1", "Text");
        Assert.Equal(CaptureResult.Nothing, await Capture("m1", "Text"));

        Assert.Equal(1, await _harness.Query(db => db.Contributions.CountAsync()));
    }

    [Fact]
    public async Task EditAsync_CapturedMessage_KeepsNewTextAndEditTime()
    {
        await _harness.OpenAg1();
        await Capture("m1", "First wording");
        _harness.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.True(await _contributions.EditAsync(MeetingHarness.Channel, "m1", "Second wording", CancellationToken.None));

        var stored = await _harness.Query(db => db.Contributions.AsNoTracking().SingleAsync());
        Assert.Equal("Second wording", stored.Text);
        Assert.Equal(MeetingHarness.Start.AddSeconds(40), stored.EditedAt);
    }

    [Fact]
    public async Task DeleteAsync_CapturedMessage_MarksDeletedAndRefusesLaterEdits()
    {
        await _harness.OpenAg1();
        await Capture("m1", "To be deleted");

        Assert.True(await _contributions.DeleteAsync(MeetingHarness.Channel, "m1", CancellationToken.None));

        Assert.NotNull((await _harness.Query(db => db.Contributions.AsNoTracking().SingleAsync())).DeletedAt);
        Assert.False(await _contributions.EditAsync(MeetingHarness.Channel, "m1", "Back again", CancellationToken.None));
        Assert.False(await _contributions.DeleteAsync(MeetingHarness.Channel, "m1", CancellationToken.None));
    }

    [Fact]
    public async Task EditAsync_UnknownMessage_ReturnsFalse() =>
        Assert.False(await _contributions.EditAsync(MeetingHarness.Channel, "never-seen", "text", CancellationToken.None));

    [Fact]
    public async Task CaptureAsync_ControlCharacter_NotCapturedAndSaysWhich()
    {
        await _harness.OpenAg1();

        var refused = await Capture("m1", "Portable pensions\u0000 for all.");
        var kept = await Capture("m2", "Portable pensions:\n\t- for all.");

        Assert.Null(refused.Contribution);
        Assert.Equal("This message contains a control character (U+0000, NUL), which cannot be saved. Please send it again without it (line breaks and tabs are fine). It was not recorded as a contribution.", refused.NotRecorded);
        Assert.Equal("Portable pensions:\n\t- for all.", (await _harness.Query(db => db.Contributions.AsNoTracking().SingleAsync())).Text);
        Assert.NotNull(kept.Contribution);
    }

    [Fact]
    public async Task EditAsync_ControlCharacter_KeepsTheTextCapturedBefore()
    {
        await _harness.OpenAg1();
        await Capture("m1", "Portable pensions for all.");

        var edited = await _contributions.EditAsync(MeetingHarness.Channel, "m1", "Portable\u0008 pensions.", CancellationToken.None);

        Assert.False(edited);
        Assert.Equal("Portable pensions for all.", (await _harness.Query(db => db.Contributions.AsNoTracking().SingleAsync())).Text);
    }

    private Task<CaptureResult> Capture(string messageId, string text) =>
        _contributions.CaptureAsync(MeetingHarness.Channel, MeetingHarness.RoomA, messageId, "mex", "Ana", text, CancellationToken.None);
}
