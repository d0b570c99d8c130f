using GcmBot.Core.Delivery;

namespace GcmBot.Scheduling;

/// <summary>Hangfire's backstop: fires a notice if no in-process timer did (its instance stopped, say).</summary>
public sealed class NoticeJob
{
    private readonly NoticeService _notices;

    public NoticeJob(NoticeService notices)
    {
        _notices = notices;
    }

    public async Task FireAsync(long noticeId, CancellationToken cancellationToken) =>
        await _notices.FireAsync(noticeId, cancellationToken);
}
