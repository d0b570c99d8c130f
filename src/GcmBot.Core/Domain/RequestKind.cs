namespace GcmBot.Core.Domain;

/// <summary>Why a delegation asked for the floor. A delegation holds at most one waiting place of each kind.</summary>
public enum RequestKind
{
    Statement = 0,
    PointOfOrder = 1,
    Reply = 2,
}
