using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace GcmBot.Host.Tests;

/// <summary>The way back in when the first organiser link is used up or lost: <c>GcmBot.Host organiser-link</c>, a real process.</summary>
public sealed partial class OrganiserLinkCommandTests
{
    [Fact]
    public async Task OrganiserLink_WhileTheHostRuns_PrintsAFreshSingleUseOrganiserLink()
    {
        await using var app = new GcmBotApp();
        using (var running = await app.Client.GetAsync(new Uri("/health/live", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        }

        var connection = $"--Storage:ConnectionString=Data Source={app.DatabasePath}";

        var (code, output) = await RunHostAsync("organiser-link", connection);
        var (codeBehindProxy, outputBehindProxy) = await RunHostAsync("organiser-link", connection, "--WebChat:PublicUrl=https://meeting.example.org");

        Assert.True(code == 0, output);
        Assert.True(codeBehindProxy == 0, outputBehindProxy);
        var token = LinkPattern().Match(output);
        Assert.True(token.Success, output);
        Assert.Equal("http://localhost:5080/", token.Groups["base"].Value);
        Assert.Equal("https://meeting.example.org/", LinkPattern().Match(outputBehindProxy).Groups["base"].Value);

        using var joined = await app.Client.PostAsJsonAsync("/api/web/join", new { token = token.Groups["token"].Value, displayName = "Secretariat" });
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Contains("organiser", (await GcmBotApp.ReadJsonAsync(joined)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var again = await app.Client.PostAsJsonAsync("/api/web/join", new { token = token.Groups["token"].Value, displayName = "Someone else" });
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
    }

    [Fact]
    public async Task OrganiserLink_DatabaseUnreachable_SaysSoAndExitsWithOne()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"gcmbot-nowhere-{Guid.NewGuid():N}", "meeting.db");

        var (code, output) = await RunHostAsync("organiser-link", $"--Storage:ConnectionString=Data Source={missing}");

        Assert.Equal(1, code);
        Assert.Contains("No link was created", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(LinkPattern(), output);
    }

    private static async Task<(int Code, string Output)> RunHostAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GcmBot.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"Organiser sign-in: (?<base>https?://[^/\s]+/)join/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
