using GcmBot.Core.Data;
using GcmBot.Core.Import;
using Microsoft.Extensions.Options;

namespace GcmBot.Host;

internal sealed partial class MeetingSeeder : IHostedService
{
    private readonly IMeetingStore _store;
    private readonly IOptions<MeetingOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MeetingSeeder> _logger;

    public MeetingSeeder(IMeetingStore store, IOptions<MeetingOptions> options, TimeProvider time, ILogger<MeetingSeeder> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(_options.Value.File, AppContext.BaseDirectory);
        await using var file = File.OpenRead(path);
        var meeting = await MeetingLoader.ReadAsync(file, cancellationToken);
        var loaded = await _store.ExecuteAsync(async (data, ct) =>
            await NeedsLoadingAsync(data, meeting, ct) && await MeetingLoader.StoreAsync(data, meeting, _time.GetUtcNow(), ct) > 0, cancellationToken);
        if (loaded)
        {
            LogLoaded(_logger, meeting.Title, meeting.Sessions.Count, meeting.Delegations.Count, path);
        }
    }

    /// <summary>
    /// A file naming another meeting than the current one makes it the current meeting; a sample whose stored run
    /// has ended is laid again around now, so every first run of the day finds it live.
    /// </summary>
    private async Task<bool> NeedsLoadingAsync(IMeetingData data, MeetingFile file, CancellationToken cancellationToken)
    {
        var current = await data.GetMeetingAsync(cancellationToken);
        if (current?.Title != file.Title)
        {
            return true;
        }

        return file.LiveAt is not null
            && (await data.GetSessionsAsync(current.Id, cancellationToken)).Max(s => s.EndsAt) <= _time.GetUtcNow();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Loaded meeting {Title}: {Sessions} sessions, {Delegations} delegations, from {Path}")]
    private static partial void LogLoaded(ILogger logger, string title, int sessions, int delegations, string path);
}
