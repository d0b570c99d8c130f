using System.Text.Json;
using GcmBot.Summaries.Cli;

namespace GcmBot.Summaries.Tests;

public sealed class DraftCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gcmbot-cli-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    [Fact]
    public async Task Run_SampleInputAsMarkdown_ReportOnStandardOutput()
    {
        var code = await DraftCommandLine.RunAsync(["--input", Sample, "--drafter", "extractive"], _output, _errors, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.StartsWith("# Report of the action group", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("## Recommendation for actionable commitment 1", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonFormat_CarriesDrafterAndSources()
    {
        var code = await DraftCommandLine.RunAsync(["--input", Sample, "--format", "json"], _output, _errors, CancellationToken.None);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(_output.ToString());
        Assert.Equal("extractive", json.RootElement.GetProperty("drafter").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("report").GetProperty("recommendations")[0].GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task Run_DocxToFile_Written()
    {
        var path = Path.Combine(_folder, "out.docx");

        var code = await DraftCommandLine.RunAsync(["--input", Sample, "--format", "docx", "--output", path], _output, _errors, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(path))[..2]);
    }

    [Fact]
    public async Task Run_DuplicateIds_ClearErrorAndExitCode1()
    {
        var path = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(path, """{"session":{"actionGroup":"AG1"},"contributions":[{"id":"a","text":"x"},{"id":"a","text":"y"}]}""");

        var code = await DraftCommandLine.RunAsync(["--input", path], _output, _errors, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("\"a\" is used twice", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TranscriptWithEmptyTurn_EmptyTurnSkippedAndDrafted()
    {
        var path = Path.Combine(_folder, "transcript.json");
        await File.WriteAllTextAsync(path, """
            {"session":{"actionGroup":"AG1"},"contributions":[
              {"id":"a","delegation":"Mexico","text":"States should expand regular pathways for migrant workers through bilateral labour agreements."},
              {"id":"b","delegation":"Chile","text":""},
              {"id":"c","delegation":"Ghana","text":"Remittance costs should fall below three percent through digital payment systems."}]}
            """);

        var code = await DraftCommandLine.RunAsync(["--input", path, "--format", "json"], _output, _errors, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("\"c\"", _output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"b\"", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownFormat_UsageAndExitCode2()
    {
        var code = await DraftCommandLine.RunAsync(["--input", Sample, "--format", "pdf"], _output, _errors, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("usage: draft", _errors.ToString(), StringComparison.Ordinal);
    }

    private static string Sample => Path.Combine(AppContext.BaseDirectory, "sample-draft-input.json");

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
