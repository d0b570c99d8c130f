namespace GcmBot.Discord.Gateway;

/// <summary>What a resume needs: the session, where to resume it, and the last sequence number seen.</summary>
internal sealed class GatewaySession
{
    public string? SessionId { get; set; }
    public Uri? ResumeUrl { get; set; }
    public int? Sequence { get; set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}
