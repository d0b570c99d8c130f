using GcmBot.Summaries.Extractive;
using GcmBot.Summaries.Llm;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Summaries.Tests;

/// <summary>The real pipeline, wired by hand with a given configuration and clock.</summary>
internal sealed class Drafting : IDisposable
{
    private readonly ServiceHttpClients _http = new();

    public Drafting(SummariesOptions options, TimeProvider? time = null)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2017, 12, 5, 17, 0, 0, TimeSpan.Zero));
        Pipeline = new SummaryPipeline(wrapped, new ExtractiveDrafter(wrapped), new LlmDrafter(wrapped, _http, Time, NullLogger<LlmDrafter>.Instance), NullLogger<SummaryPipeline>.Instance);
    }

    public TimeProvider Time { get; }

    public SummaryPipeline Pipeline { get; }

    public void Dispose() => _http.Dispose();

    private sealed class ServiceHttpClients : IHttpClientFactory, IDisposable
    {
        private readonly HttpClient _client = new();

        public HttpClient CreateClient(string name) => _client;

        public void Dispose() => _client.Dispose();
    }
}
