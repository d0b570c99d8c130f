using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using Microsoft.Extensions.Hosting;

namespace GcmBot.Web;

/// <summary>Every room of the meeting has a web chat conversation, bound to the room.</summary>
internal sealed class WebRoomBinder : IHostedService
{
    private readonly IMeetingStore _store;
    private readonly TimeProvider _time;

    public WebRoomBinder(IMeetingStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        _store.ExecuteAsync(async (data, ct) =>
        {
            var meeting = await data.GetMeetingAsync(ct);
            if (meeting is null)
            {
                return 0;
            }

            var rooms = (await data.GetSessionsAsync(meeting.Id, ct)).Where(s => s.Kind != SessionKind.Break).Select(s => s.Room).Distinct();
            var added = 0;
            foreach (var room in rooms)
            {
                var conversation = WebChannel.RoomPrefix + room;
                if (await data.GetBindingAsync(WebChannel.Name, conversation, ct) is null)
                {
                    data.Add(new ChannelBinding { Channel = WebChannel.Name, ConversationId = conversation, Room = room, BoundAt = _time.GetUtcNow() });
                    added++;
                }
            }

            return added;
        }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
