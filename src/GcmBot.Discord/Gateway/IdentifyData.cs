namespace GcmBot.Discord.Gateway;

internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties);
