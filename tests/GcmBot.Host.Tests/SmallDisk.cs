using System.Diagnostics;

namespace GcmBot.Host.Tests;

/// <summary>
/// A small tmpfs mounted for one test: a real file system that runs out of space (ENOSPC), as a full disk does. Needs
/// root with CAP_SYS_ADMIN, as <c>./test.sh</c> has; fails loudly, never skips, without it.
/// </summary>
internal sealed class SmallDisk : IAsyncDisposable
{
    private const int Chunk = 64 * 1024;

    private SmallDisk(string path)
    {
        Path = path;
    }

    public string Path { get; }

    private string Ballast => System.IO.Path.Combine(Path, "ballast");

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("gcmbot-small-disk-").FullName;
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"Mounting a {megabytes} MB tmpfs at {path} failed ({output.Trim()}): this test needs root with CAP_SYS_ADMIN.");
        }

        return new SmallDisk(path);
    }

    /// <summary>Takes every free byte with a ballast file: big writes, then ever smaller ones, until not one more fits.</summary>
    public void Fill()
    {
        using var ballast = new FileStream(Ballast, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var zeros = new byte[Chunk];
        for (var size = Chunk; size >= 1; size /= 8)
        {
            try
            {
                while (true)
                {
                    ballast.Write(zeros, 0, size);
                }
            }
            catch (IOException)
            {
                // Full at this size: try smaller.
            }
        }
    }

    public void Free() => File.Delete(Ballast);

    public async ValueTask DisposeAsync()
    {
        var (code, output) = await RunAsync("umount", Path);
        Assert.True(code == 0, $"umount {Path}: {output}");
        Directory.Delete(Path);
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }
}
