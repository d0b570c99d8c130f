namespace GcmBot.Summaries.Verification;

/// <param name="Point">Where: <c>summary 2</c>, <c>recommendation 1</c>, <c>observation 3</c>.</param>
internal sealed record VerificationIssue(string Point, string Problem)
{
    public override string ToString() => $"{Point}: {Problem}";
}
