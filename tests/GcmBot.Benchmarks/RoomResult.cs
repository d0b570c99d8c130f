namespace GcmBot.Benchmarks;

/// <param name="Acked">Numbers of the chat messages answered 200: every page must receive each of them once.</param>
internal sealed record RoomResult(RoomRun Run, IReadOnlyList<RoomSample> Remarks, IReadOnlyList<RoomSample> Commands, TimeSpan Elapsed, int[] Acked)
{
    /// <summary>A failed request, a refused list command, or a page that missed something.</summary>
    public bool Failed =>
        Remarks.Any(r => !r.Ok || r.Note is not null) || Commands.Any(c => !c.Ok || c.Note is not null)
        || Acked.Any(m => Enumerable.Range(0, Run.Pages).Any(p => Run.Count(p, m) != 1))
        || Run.LiveMs.Any(c => c.Any(double.IsNaN)) || Run.PanelMs.Any(c => c.Any(double.IsNaN));
}
