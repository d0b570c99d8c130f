using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Replies;
using GcmBot.Core.Tests.Handling;
using Microsoft.Extensions.Logging.Abstractions;

namespace GcmBot.Core.Tests.Delivery;

public sealed class FloorCueDeliveryTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MeetingHarness.StartAsync();

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Dispatch_CueForADelegation_EachMemberDirectlyInTheirChannelAndAFailingChannelStopsNoOther()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Handle(new Inbound("other", "dm", "mex-2", "Second delegate of Mexico") { Text = "register Mexico" });
        await _harness.Expect(MeetingHarness.Organiser, "approve Second delegate of Mexico");
        await _harness.Delegate("che", "Switzerland");
        await _harness.Expect("mex", "speak");
        await _harness.Expect("che", "speak");
        var next = await _harness.Expect("mod", "next");
        var failing = new RecordingDirect(MeetingHarness.Channel, fails: true);
        var other = new RecordingDirect("other", fails: false);
        var dispatcher = new AnnouncementDispatcher(_harness.Store, [failing, other], NullLogger<AnnouncementDispatcher>.Instance);

        await dispatcher.DispatchAsync(next.Announcements, (MeetingHarness.Channel, MeetingHarness.RoomA), CancellationToken.None);

        Assert.Equal(["mex", "che"], failing.Tried.Select(t => t.Participant.ExternalId));
        var sent = Assert.Single(other.Tried);
        Assert.Equal("mex-2", sent.Participant.ExternalId);
        Assert.StartsWith("**You have the floor**", sent.Message.Text, StringComparison.Ordinal);
        Assert.Equal(Visibility.Private, sent.Message.Visibility);
    }

    /// <summary>A channel that records direct messages, or fails on each like a platform that is down.</summary>
    private sealed class RecordingDirect(string channel, bool fails) : IChannelDelivery
    {
        public string Channel => channel;

        public List<(Participant Participant, Reply Message)> Tried { get; } = [];

        public Task SendAsync(ChannelBinding binding, Reply message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> SendDirectAsync(Participant participant, Reply message, CancellationToken cancellationToken)
        {
            Tried.Add((participant, message));
            return fails ? throw new HttpRequestException("the platform is down") : Task.FromResult(true);
        }
    }
}
