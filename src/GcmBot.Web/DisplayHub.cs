using GcmBot.Core.Data;
using GcmBot.Core.Displays;
using GcmBot.Core.Speaking;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GcmBot.Web;

/// <summary>
/// Room displays and the organisers' overview subscribe here. Each subscription answers with the current
/// state, so a page that reconnects after a drop or a restart is whole again at once.
/// </summary>
internal sealed class DisplayHub : Hub
{
    private readonly IMeetingStore _store;
    private readonly TimeProvider _time;
    private readonly ReminderRules _reminders;
    private readonly WebAccess _access;

    public DisplayHub(IMeetingStore store, TimeProvider time, IOptions<ReminderRules> reminders, WebAccess access)
    {
        _store = store;
        _time = time;
        _reminders = reminders.Value;
        _access = access;
    }

    public async Task<RoomDisplay> WatchRoom(string room)
    {
        if (room is not { Length: > 0 and <= 100 })
        {
            throw new HubException("Unknown room.");
        }

        // Join first, then read: a change committed in between is pushed rather than lost.
        await Groups.AddToGroupAsync(Context.ConnectionId, DisplayGroups.Room(room), Context.ConnectionAborted);
        return await _store.ReadAsync((data, ct) => DisplayReader.ReadRoomAsync(data, room, _time.GetUtcNow(), _reminders, ct), Context.ConnectionAborted)
            ?? throw new HubException($"There is no room called “{room}” in this meeting.");
    }

    public async Task<OverviewDisplay> WatchOverview(string token)
    {
        if (!await _access.IsOrganiserAsync(token, Context.ConnectionAborted))
        {
            throw new HubException("The overview is for organisers. Pick the organiser role in the web chat first.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, DisplayGroups.Overview, Context.ConnectionAborted);
        return await _store.ReadAsync((data, ct) => DisplayReader.ReadOverviewAsync(data, _time.GetUtcNow(), _reminders, ct), Context.ConnectionAborted)
            ?? throw new HubException("No meeting is loaded.");
    }
}
