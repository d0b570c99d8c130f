namespace GcmBot.Teams.Tests;

/// <summary>Plain HTTP clients, for connector clients built by hand against the fake connector.</summary>
internal sealed class LoopbackHttpClients : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}
