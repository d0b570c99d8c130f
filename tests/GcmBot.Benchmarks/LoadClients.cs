namespace GcmBot.Benchmarks;

/// <param name="Delegations">The delegation of each of <paramref name="Delegates"/>, in the same order.</param>
internal sealed record LoadClients(string Moderator, IReadOnlyList<string> Delegates, IReadOnlyList<string> Delegations);
