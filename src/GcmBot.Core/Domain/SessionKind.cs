namespace GcmBot.Core.Domain;

public enum SessionKind
{
    Plenary = 0,
    ActionGroup = 1,
    Ceremony = 2,
    Break = 3,
}
