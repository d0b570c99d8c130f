using System.Threading.Channels;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Displays;
using GcmBot.Core.Speaking;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Web;

/// <summary>
/// Pushes a room's display state after every committed change: the room's snapshot is read from the store
/// and sent whole to the room's displays and to the overview. Changes that arrive while a push is under way
/// and during the <see cref="DisplayOptions.PushInterval"/> that follows it are merged, so a busy room costs
/// one read per interval, not one per command. All pushes go through the hub context, so a SignalR backplane
/// fans them out to every instance.
/// </summary>
internal sealed partial class DisplayNotifier : BackgroundService, IDisplayNotifier
{
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IMeetingStore _store;
    private readonly IHubContext<DisplayHub> _hub;
    private readonly TimeProvider _time;
    private readonly ReminderRules _reminders;
    private readonly TimeSpan _interval;
    private readonly ILogger<DisplayNotifier> _logger;

    public DisplayNotifier(
        IMeetingStore store,
        IHubContext<DisplayHub> hub,
        TimeProvider time,
        IOptions<ReminderRules> reminders,
        IOptions<DisplayOptions> options,
        ILogger<DisplayNotifier> logger)
    {
        _interval = options.Value.PushInterval;
        _store = store;
        _hub = hub;
        _time = time;
        _reminders = reminders.Value;
        _logger = logger;
    }

    public void RoomsChanged(IEnumerable<string> rooms)
    {
        foreach (var room in rooms)
        {
            _changes.Writer.TryWrite(room);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dirty = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            var round = _time.GetTimestamp();
            while (_changes.Reader.TryRead(out var room))
            {
                dirty.Add(room);
            }

            foreach (var room in dirty)
            {
                try
                {
                    await PushAsync(room, stoppingToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    LogPushFailed(_logger, failure, room);
                }
            }

            dirty.Clear();
            // A change after a quiet spell is pushed at once; under load, rounds are an interval apart.
            var rest = _interval - _time.GetElapsedTime(round);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, _time, stoppingToken);
            }
        }
    }

    private async Task PushAsync(string room, CancellationToken cancellationToken)
    {
        var display = await _store.ReadAsync((data, ct) => DisplayReader.ReadRoomAsync(data, room, _time.GetUtcNow(), _reminders, ct), cancellationToken);
        if (display is null)
        {
            return;
        }

        await _hub.Clients.Group(DisplayGroups.Room(display.Room)).SendAsync("room", display, cancellationToken);
        await _hub.Clients.Group(DisplayGroups.Overview).SendAsync("room", display, cancellationToken);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Pushing the display of room {Room} failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string room);
}
