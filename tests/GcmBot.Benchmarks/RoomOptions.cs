using System.Globalization;

namespace GcmBot.Benchmarks;

/// <summary>
/// Command line after <c>room</c>: <c>--rate 500 --seconds 20 --warmup 30 --pages 100 --port 0 [--postgres "&lt;npgsql connection string&gt;"]</c>.
/// <c>--rate</c> is chat messages per second for the whole room; a speakers-list change goes every second besides.
/// <c>--panel every-push</c> makes the pages ask for their place after every room push, as the chat page did before
/// issue 20 (150 ms after the last push); by default they ask as the page does now, when the list, floor or session changed.
/// </summary>
internal sealed record RoomOptions(int Rate, int Seconds, int WarmupSeconds, int Pages, int Port, string? Postgres, bool EveryPush)
{
    public static RoomOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Read(string name, int fallback) => Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        var options = new RoomOptions(Read("--rate", 500), Read("--seconds", 20), Read("--warmup", 30), Read("--pages", 100), Read("--port", 0), Text("--postgres"), Text("--panel") == "every-push");
        if (Text("--panel") is not (null or "every-push" or "on-change"))
        {
            throw new ArgumentException("Expected --panel on-change (the page now) or every-push (the page before issue 20).");
        }

        if (options.Rate is < 1 or > 5_000 || options.Seconds is < 4 or > 600 || options.WarmupSeconds is < 0 or > 60 || options.Pages is < 8 or > 1_000)
        {
            throw new ArgumentException("Expected --rate 1..5000, --seconds 4..600, --warmup 0..60, --pages 8..1000.");
        }

        return options;
    }
}
