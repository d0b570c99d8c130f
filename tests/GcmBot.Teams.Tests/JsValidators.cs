using System.Diagnostics;
using System.Text.Json;

namespace GcmBot.Teams.Tests;

/// <summary>
/// Microsoft's validators, run with node from <c>js/</c> (installed by <c>npm ci</c> there; ./test.sh does):
/// <c>validate-manifest.js</c> (<c>@microsoft/app-manifest</c>) and <c>validate-cards.js</c> (<c>adaptivecards</c>).
/// </summary>
internal static class JsValidators
{
    /// <summary>Runs the script on the files; returns each file's errors (empty when it is valid).</summary>
    public static async Task<Dictionary<string, string[]>> RunAsync(string script, params string[] files)
    {
        var folder = Folder();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, script));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = node.StandardOutput.ReadToEndAsync();
        var failure = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(node.ExitCode == 0, $"{script} failed: {await failure}");
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(await output)!;
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var js = Path.Combine(dir.FullName, "tests", "GcmBot.Teams.Tests", "js");
            if (File.Exists(Path.Combine(js, "node_modules", "adaptivecards", "package.json")) && File.Exists(Path.Combine(js, "node_modules", "@microsoft", "app-manifest", "package.json")))
            {
                return js;
            }
        }

        throw new FileNotFoundException("Microsoft's validators are not installed: run `npm ci` in tests/GcmBot.Teams.Tests/js (./test.sh does).");
    }
}
