namespace GcmBot.Core.Domain;

public enum EntryStatus
{
    Waiting = 0,
    GivenFloor = 1,
    Withdrawn = 2,
    Removed = 3,
}
