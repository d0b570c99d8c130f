using System.Text.Json;
using GcmBot.Core.Drafting;
using GcmBot.Core.Localisation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GcmBot.Summaries.Cli;

/// <summary>
/// <c>draft --input &lt;file.json&gt; [--format md|docx|json] [--drafter extractive|llm] [--output &lt;file&gt;] [--name-delegations]</c>:
/// drafts a report offline, for evaluation or when the bot is not running. Other <c>--Section:Key=value</c>
/// arguments configure it as they configure the host (e.g. <c>--Summaries:Endpoint=…</c>).
/// </summary>
public static class DraftCommandLine
{
    private const string Usage = "usage: draft --input <file.json> [--format md|docx|json] [--drafter extractive|llm] [--output <file>] [--name-delegations]";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Runs the command when <paramref name="args"/> start with <c>draft</c>; false otherwise. Sets <see cref="Environment.ExitCode"/>.</summary>
    public static async Task<bool> TryRunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args is not ["draft", ..])
        {
            return false;
        }

        Environment.ExitCode = await RunAsync(args[1..], Console.Out, Console.Error, cancellationToken);
        return true;
    }

    /// <returns>0 when drafted, 1 when the input is unusable, 2 for a usage error.</returns>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new List<string>();
        var nameDelegations = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--name-delegations")
            {
                nameDelegations = true;
            }
            else if (args[i] is "--input" or "--format" or "--drafter" or "--output" && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal))
            {
                settings.Add(args[i]);
            }
            else
            {
                await errors.WriteLineAsync($"draft: I did not understand `{args[i]}`.\n{Usage}");
                return 2;
            }
        }

        var format = options.GetValueOrDefault("format", "md");
        if (!options.TryGetValue("input", out var inputPath) || format is not ("md" or "docx" or "json")
            || options.GetValueOrDefault("drafter") is not (null or "extractive" or "llm"))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        if (format == "docx" && !options.ContainsKey("output"))
        {
            await errors.WriteLineAsync("draft: a .docx needs --output <file.docx>.");
            return 2;
        }

        DraftInput input;
        try
        {
            await using var stream = File.OpenRead(inputPath);
            input = Read(await JsonSerializer.DeserializeAsync<DraftFile>(stream, _json, cancellationToken), nameDelegations);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            await errors.WriteLineAsync($"draft: cannot read {inputPath}: {unreadable.Message}");
            return 1;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settings])
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole().AddFilter(l => l >= LogLevel.Warning))
            .AddGcmSummaries(configuration);
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<SummaryPipeline>();
        var drafter = options.GetValueOrDefault("drafter") switch
        {
            "llm" => DrafterKind.Llm,
            "extractive" => DrafterKind.Extractive,
            _ => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SummariesOptions>>().Value.Drafter,
        };

        var outcome = await pipeline.DraftAsync(input, drafter, cancellationToken);
        if (outcome.Note is not null)
        {
            await errors.WriteLineAsync($"draft: {outcome.Note}");
        }

        byte[] bytes = format switch
        {
            "docx" => pipeline.ToDocx(outcome.Report, Language.English),
            "json" => JsonSerializer.SerializeToUtf8Bytes(outcome, _json),
            _ => System.Text.Encoding.UTF8.GetBytes(pipeline.ToMarkdown(outcome.Report, Language.English)),
        };
        if (options.TryGetValue("output", out var outputPath))
        {
            await File.WriteAllBytesAsync(outputPath, bytes, cancellationToken);
            await errors.WriteLineAsync($"draft: {outcome.Drafter} draft written to {outputPath}");
        }
        else
        {
            await output.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes));
        }

        return 0;
    }

    /// <exception cref="InvalidDataException">What is missing or repeated, for the user.</exception>
    internal static DraftInput Read(DraftFile? file, bool nameDelegations)
    {
        if (file?.Session is not { } session)
        {
            throw new InvalidDataException("the file needs a \"session\" object with the header fields.");
        }

        var contributions = file.Contributions ?? [];
        var cards = file.Cards ?? [];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in contributions.Select(c => c.Id).Concat(cards.Select(c => c.Id)))
        {
            if (string.IsNullOrWhiteSpace(id) || !ids.Add(id))
            {
                throw new InvalidDataException(string.IsNullOrWhiteSpace(id) ? "every contribution and card needs an \"id\"." : $"the id \"{id}\" is used twice.");
            }
        }

        // A transcript comes with empty turns (a speaker cut off, a crosstalk marker): they say nothing and are skipped.
        return new DraftInput(
            new ReportHeader(session.ActionGroup ?? "", session.DateAndTime ?? "", session.Room ?? "", session.Moderator ?? "", session.Rapporteur ?? ""),
            [.. contributions.Where(c => !string.IsNullOrWhiteSpace(c.Text))
                .Select(c => new SourceContribution(c.Id!, c.Speaker ?? "", c.Delegation ?? "", c.Text!, c.At ?? DateTimeOffset.MinValue))],
            [.. cards.Where(c => !string.IsNullOrWhiteSpace(c.Recommendation))
                .Select(c => new SourceCard(c.Id!, c.Delegation ?? "", c.Recommendation!, c.Means ?? "", c.Partnerships ?? ""))],
            session.Questions ?? [],
            nameDelegations);
    }
}
