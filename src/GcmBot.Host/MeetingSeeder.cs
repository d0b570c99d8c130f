using GcmBot.Core.Data;
using GcmBot.Core.Import;
using GcmBot.Core.Invitations;
using Microsoft.Extensions.Options;

namespace GcmBot.Host;

internal sealed partial class MeetingSeeder : IHostedService
{
    private readonly IMeetingStore _store;
    private readonly IOptions<MeetingOptions> _options;
    private readonly TimeProvider _time;
    private readonly IOptions<InvitationRules> _invitations;
    private readonly ILogger<MeetingSeeder> _logger;

    public MeetingSeeder(IMeetingStore store, IOptions<MeetingOptions> options, TimeProvider time, IOptions<InvitationRules> invitations, ILogger<MeetingSeeder> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _invitations = invitations;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(_options.Value.File, AppContext.BaseDirectory);
        await using var file = File.OpenRead(path);
        var meeting = await MeetingLoader.ReadAsync(file, cancellationToken);
        var (loaded, invitations) = await _store.ExecuteAsync(async (data, ct) =>
        {
            var stored = await NeedsLoadingAsync(data, meeting, ct) && await MeetingLoader.StoreAsync(data, meeting, _time.GetUtcNow(), ct) > 0;

            // At every start, not only when the meeting is stored anew: an address added to or taken out of the file
            // of the same meeting counts from the next start.
            return (stored, await EmailInvitations.SyncAsync(data, meeting, _time.GetUtcNow(), _invitations.Value.InvitationLifetime, ct));
        }, cancellationToken);
        if (loaded)
        {
            LogLoaded(_logger, meeting.Title, meeting.Sessions.Count, meeting.Delegations.Count, path);
        }

        if (invitations.Created + invitations.Revoked > 0)
        {
            LogEmailInvitations(_logger, invitations.Created, invitations.Revoked);
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

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "E-mail invitations of the meeting file: {Created} created, {Revoked} revoked (addresses no longer listed); organisers get their links with `invites emails`")]
    private static partial void LogEmailInvitations(ILogger logger, int created, int revoked);
}
