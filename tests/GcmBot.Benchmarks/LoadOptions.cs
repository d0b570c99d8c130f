using System.Globalization;

namespace GcmBot.Benchmarks;

/// <summary>
/// Command line: <c>--rate 500 --seconds 20 --warmup 30 --identities 500 --port 0</c>. The warm-up is long because
/// on two busy cores tiered compilation takes about half a minute to finish optimising the hot paths.
/// </summary>
internal sealed record LoadOptions(int Rate, int Seconds, int Identities, int Port, int WarmupSeconds)
{
    public static LoadOptions Parse(string[] args)
    {
        int Read(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var options = new LoadOptions(Read("--rate", 500), Read("--seconds", 20), Read("--identities", 500), Read("--port", 0), Read("--warmup", 30));
        if (options.Rate is < 1 or > 20_000 || options.Seconds is < 1 or > 600 || options.Identities is < 2 or > 5_000 || options.WarmupSeconds is < 0 or > 60)
        {
            throw new ArgumentException("Expected --rate 1..20000, --seconds 1..600, --identities 2..5000, --warmup 0..60.");
        }

        return options;
    }
}
