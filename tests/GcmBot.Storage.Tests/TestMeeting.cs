using GcmBot.Core.Data;
using GcmBot.Core.Domain;

namespace GcmBot.Storage.Tests;

/// <summary>A small meeting of its own for one test: two sessions and some delegations.</summary>
internal sealed record TestMeeting(int MeetingId, int SessionId, int OtherSessionId, IReadOnlyList<int> DelegationIds)
{
    public static readonly DateTimeOffset Start = new(2017, 12, 5, 16, 45, 0, TimeSpan.Zero);

    public static Task<TestMeeting> CreateAsync(IMeetingStore store, int delegations) =>
        store.ExecuteAsync(
            async (data, ct) =>
            {
                var meeting = new Meeting { Title = "Test meeting", Venue = "Room", TimeZoneId = "America/Mexico_City", LoadedAt = Start };
                data.Add(meeting);
                await data.FlushAsync(ct);

                var session = NewSession(meeting.Id, "AG1", Start);
                var other = NewSession(meeting.Id, "AG2", Start.AddHours(4));
                data.Add(session);
                data.Add(other);
                var list = Enumerable.Range(1, delegations)
                    .Select(i => new Delegation { MeetingId = meeting.Id, Name = $"Delegation {i:D4}", Category = DelegationCategory.MemberState })
                    .ToList();
                list.ForEach(data.Add);
                await data.FlushAsync(ct);
                return new TestMeeting(meeting.Id, session.Id, other.Id, list.Select(d => d.Id).ToList());
            },
            CancellationToken.None);

    private static Session NewSession(int meetingId, string code, DateTimeOffset startsAt) => new()
    {
        MeetingId = meetingId,
        Code = code,
        Title = $"Action group {code}",
        Kind = SessionKind.ActionGroup,
        Day = 2,
        StartsAt = startsAt,
        EndsAt = startsAt.AddHours(2),
        Room = "Room A",
    };
}
