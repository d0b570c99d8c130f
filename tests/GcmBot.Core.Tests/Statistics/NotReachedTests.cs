using GcmBot.Core.Statistics;
using GcmBot.Core.Tests.Handling;

namespace GcmBot.Core.Tests.Statistics;

public sealed class NotReachedTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await MeetingHarness.StartAsync();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("chl", "Chile");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Compute_HeardThenAskedAgainBeforeTheClose_NotListedAsNotReached()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mex", "speak");
        await _harness.Expect("chl", "speak");
        await _harness.Expect("mod", "next");
        _harness.Time.Advance(TimeSpan.FromSeconds(60));
        await _harness.Expect("mod", "timer stop");
        await _harness.Expect("mex", "speak");
        await _harness.Expect("mod", "session close");

        var statistics = await _harness.Store.ReadAsync(
            async (data, ct) =>
            {
                var meeting = (await data.GetMeetingAsync(ct))!;
                var ag1 = (await data.GetSessionsAsync(meeting.Id, ct)).Single(s => s.Code == "AG1");
                return await StatisticsReader.ComputeAsync(data, meeting, StatisticsReader.SessionScope(ag1), [ag1], ct);
            },
            CancellationToken.None);

        var missed = Assert.Single(statistics.NotReached);
        Assert.Equal("Chile", missed.Delegation);
        Assert.Equal(0, statistics.Delegations.Single(d => d.Name == "Mexico").NotReached);
    }
}
