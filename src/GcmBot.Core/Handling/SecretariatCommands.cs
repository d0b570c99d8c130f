using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class SecretariatCommands
{
    public const int MaxBroadcastLength = 1500;

    public static async Task<CommandResult> BindAsync(CommandContext context)
    {
        var target = context.Command["target"]!;
        var sessions = await context.SessionsAsync();
        var room = sessions.Select(s => s.Room).Distinct().FirstOrDefault(r => string.Equals(r, target, StringComparison.OrdinalIgnoreCase));
        var session = room is null ? await context.FindSessionAsync(target) : null;

        var binding = context.Binding;
        if (binding is null)
        {
            binding = new ChannelBinding { Channel = context.Inbound.Channel, ConversationId = context.Inbound.ConversationId };
            context.Data.Add(binding);
        }

        binding.SessionId = session?.Id;
        binding.Room = room;
        binding.Reference = context.Inbound.Reference ?? binding.Reference;
        binding.BoundAt = context.Now;
        return CommandResult.Of(new Reply(session is not null
            ? $"This channel now follows **{session.Code} — {session.Title}**: its speakers list, announcements and captured contributions."
            : $"This channel now follows **{room}**: whichever session runs there."));
    }

    public static Task<CommandResult> UnbindAsync(CommandContext context)
    {
        if (context.Binding is null)
        {
            throw new CommandException("This channel is not bound.");
        }

        context.Data.Remove(context.Binding);
        return Task.FromResult(CommandResult.Of(new Reply("This channel no longer follows a session or room.")));
    }

    public static async Task<CommandResult> AssignAsync(CommandContext context)
    {
        var role = context.Command["role"] == "moderator" ? Roles.Moderator : Roles.Rapporteur;
        var session = await context.FindSessionAsync(context.Command["session"]!);
        var name = context.Command["user"]!;
        var candidates = await context.Data.FindParticipantsAsync(context.Inbound.Channel, name, context.CancellationToken);
        var participant = candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new CommandException($"I don't know `{name}` on this channel yet; they need to have written to me once (for example `whoami`)."),
            _ => throw new CommandException($"Several people are called `{name}`; use their mention or id."),
        };

        var existing = await context.Data.GetAssignmentsAsync(participant.Id, context.CancellationToken);
        if (existing.Any(a => a.SessionId == session.Id && a.Role == role))
        {
            throw new CommandException($"{participant.DisplayName} is already {role.ToString().ToLowerInvariant()} of {session.Code}.");
        }

        context.Data.Add(new SessionAssignment { SessionId = session.Id, ParticipantId = participant.Id, Role = role });
        return CommandResult.Of(new Reply($"{participant.DisplayName} is now {role.ToString().ToLowerInvariant()} of {session.Code} — {session.Title}."));
    }

    public static Task<CommandResult> BroadcastAsync(CommandContext context)
    {
        var text = context.Command["text"]!;
        if (text.Length > MaxBroadcastLength)
        {
            throw new CommandException($"Announcements are limited to {MaxBroadcastLength} characters; this one has {text.Length}. Nothing was sent.");
        }

        var announcement = new Reply(text) { Title = "Announcement from the secretariat" };
        return Task.FromResult(CommandResult.Of(announcement, new Announcement(null, announcement)));
    }

    public static async Task<CommandResult> AddDelegationAsync(CommandContext context)
    {
        var name = context.Command["name"]!.Trim();
        var category = CategoryNames.Parse(context.Command["category"]!);
        var existing = await context.Data.GetDelegationsAsync(context.Meeting.Id, context.CancellationToken);
        if (existing.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new CommandException($"{name} is already registered.");
        }

        NewDelegation(context, name, category);
        return CommandResult.Of(new Reply($"{name} is registered as {CategoryNames.Display(category)}. Its members join with `register {name}`."));
    }

    public static Delegation NewDelegation(CommandContext context, string name, DelegationCategory category)
    {
        if (name.Length is 0 or > 120)
        {
            throw new CommandException("A delegation name must have between 1 and 120 characters.");
        }

        var delegation = new Delegation { MeetingId = context.Meeting.Id, Name = name, Category = category };
        context.Data.Add(delegation);
        return delegation;
    }
}
