namespace GcmBot.Discord.Wire;

internal sealed record ModalData(string CustomId, string Title, IReadOnlyList<Component> Components);
