namespace GcmBot.Core.Domain;

/// <summary>The kinds of delegation the seeds distinguish; only Member States have priority on the floor.</summary>
public enum DelegationCategory
{
    MemberState = 0,
    ObserverState = 1,
    UnSystem = 2,
    Intergovernmental = 3,
    Stakeholder = 4,
}
