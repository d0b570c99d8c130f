namespace GcmBot.Summaries.Cli;

/// <summary>The command line's input: <c>{ "session": {…}, "contributions": […], "cards": […] }</c> (docs/drafts.md).</summary>
internal sealed record DraftFile(DraftFileSession? Session, List<DraftFileContribution>? Contributions, List<DraftFileCard>? Cards);
