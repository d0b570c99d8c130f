using System.Diagnostics;

namespace GcmBot.Discord.Tests;

/// <summary>Runs the node scripts in js/ (dependencies installed by <c>npm ci</c> there; test.sh does it).</summary>
public static class Node
{
    public static string ScriptsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "js");
            if (File.Exists(Path.Combine(candidate, "package.json")) && dir.Name == "GcmBot.Discord.Tests")
            {
                Assert.True(Directory.Exists(Path.Combine(candidate, "node_modules")), $"Run `npm ci` in {candidate} first (./test.sh does).");
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/GcmBot.Discord.Tests/js not found above " + AppContext.BaseDirectory);
    }

    public static Process Start(string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = ScriptsFolder();
        var start = new ProcessStartInfo("node", Path.Combine(folder, script))
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs a script to the end with <paramref name="input"/> on stdin; returns stdout, fails on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string script, string input)
    {
        using var process = Start(script);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"node {script} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
