namespace GcmBot.Core.Domain;

/// <summary>Parts of a speakers list, in the order they are heard while the Member State segment runs.</summary>
public enum Segment
{
    PointOfOrder = 0,
    Main = 1,
    Stakeholders = 2,
}
