using System.Globalization;
using GcmBot.Core.Domain;

namespace GcmBot.Host.Tests;

public sealed class ConcurrentSpeakTests
{
    private const int Delegations = 500;

    [Fact]
    public async Task Speak_500ConcurrentDelegations_ListHas500EntriesInCommitOrder()
    {
        await using var app = new GcmBotApp();
        var meetingId = await app.QueryAsync(async (data, ct) => (await data.GetMeetingAsync(ct))!.Id);
        var names = Enumerable.Range(1, Delegations).Select(i => $"Testland {i.ToString("000", CultureInfo.InvariantCulture)}").ToList();
        await app.QueryAsync(async (data, ct) =>
        {
            foreach (var name in names)
            {
                data.Add(new Delegation { MeetingId = meetingId, Name = name, Category = DelegationCategory.MemberState });
            }

            await data.FlushAsync(ct);
            return 0;
        });
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        var tokens = await Task.WhenAll(names.Select(name => app.IdentityAsync($"{name} delegate", name, "delegate")));
        await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");

        var replies = await Task.WhenAll(tokens.Select(token => app.SendAsync(token, GcmBotApp.RoomA, "/speak")));
        var session = await app.SessionAsync("AG1");
        var waiting = await app.QueryAsync((data, ct) => data.GetWaitingAsync(session.Id, ct));

        Assert.All(replies, reply =>
        {
            Assert.False(reply.GetProperty("isError").GetBoolean(), reply.ToString());
            Assert.Matches(@"^\*\*Testland \d{3}\*\* asked for the floor: #\d+ of \d+\.$", reply.GetProperty("text").GetString());
        });
        Assert.Equal(Delegations, waiting.Count);
        Assert.Equal(Delegations, waiting.Select(e => e.DelegationId).Distinct().Count());
        var listOrder = waiting.OrderBy(e => e.SortKey).ThenBy(e => e.Id).Select(e => e.Id).ToList();
        var commitOrder = waiting.Select(e => e.Id).Order().ToList();
        Assert.Equal(commitOrder, listOrder);
        // Each request saw every earlier one: the n-th commit was told it is #n of n.
        var positions = replies.Select(r => int.Parse(r.GetProperty("facts")[0].GetProperty("value").GetString()!, CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(1, Delegations), positions);
    }
}
