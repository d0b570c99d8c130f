namespace GcmBot.Core.Domain;

public enum SessionStatus
{
    Scheduled = 0,
    Open = 1,
    Closed = 2,
}
