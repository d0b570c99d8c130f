namespace GcmBot.Core.Domain;

[Flags]
public enum Roles
{
    None = 0,
    Delegate = 1,
    Moderator = 2,
    Rapporteur = 4,
    Organiser = 8,
}
