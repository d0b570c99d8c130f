namespace GcmBot.Core.Domain;

public enum InterventionKind
{
    Statement = 0,
    PointOfOrder = 1,
    Reply = 2,
    Opening = 3,
    Closing = 4,
    Panellist = 5,
    Rapporteur = 6,
}
