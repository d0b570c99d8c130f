namespace GcmBot.Web.Tests;

/// <summary>Where the browser tests leave screenshots and measurements: <c>artifacts/</c> beside the test assembly.</summary>
public static class Artifacts
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
}
