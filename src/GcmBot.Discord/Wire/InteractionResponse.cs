namespace GcmBot.Discord.Wire;

/// <summary>An interaction callback: 1 pong, 4 message, 5 deferred message, 8 autocomplete choices, 9 modal.</summary>
internal sealed record InteractionResponse(int Type, object? Data)
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;
}
