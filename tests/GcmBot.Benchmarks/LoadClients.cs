namespace GcmBot.Benchmarks;

internal sealed record LoadClients(string Moderator, IReadOnlyList<string> Delegates);
