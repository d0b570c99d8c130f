namespace GcmBot.Discord.Tests.Fakes;

public sealed record FakeResponse(int Status, string? Json = null, IReadOnlyDictionary<string, string>? Headers = null);
