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

        Assert.NotNull(captured);
        var stored = await _harness.Query(db => db.Contributions.AsNoTracking().SingleAsync());
        var ag1 = await _harness.Session("AG1");
        Assert.Equal(ag1.Id, stored.SessionId);
        Assert.Equal((await _harness.DelegationNamed("Mexico")).Id, stored.DelegationId);
        Assert.Equal(MeetingHarness.Start, stored.At);
        Assert.Equal("We propose portable social security for migrant workers.", stored.Text);
    }

    [Fact]
    public async Task CaptureAsync_NoOpenSession_CapturesNothing()
    {
        Assert.Null(await Capture("m1", "Good morning, colleagues."));
        Assert.Equal(0, await _harness.Query(db => db.Contributions.CountAsync()));
    }

    [Fact]
    public async Task CaptureAsync_UnboundConversation_CapturesNothing()
    {
        await _harness.OpenAg1();

        Assert.Null(await _contributions.CaptureAsync(MeetingHarness.Channel, "elsewhere", "m1", "mex", "Ana", "Hello", CancellationToken.None));
    }

    [Fact]
    public async Task CaptureAsync_SameMessageRedelivered_StoredOnce()
    {
        await _harness.OpenAg1();

        await Capture("m1", "Text");
        Assert.Null(await Capture("m1", "Text"));

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

    private Task<Core.Domain.Contribution?> Capture(string messageId, string text) =>
        _contributions.CaptureAsync(MeetingHarness.Channel, MeetingHarness.RoomA, messageId, "mex", "Ana", text, CancellationToken.None);
}
