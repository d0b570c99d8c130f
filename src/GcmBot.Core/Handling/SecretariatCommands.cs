using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
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
            ? context.T("Staff.Bind.Session", session.Code, session.Title)
            : context.T("Staff.Bind.Room", room!)));
    }

    public static Task<CommandResult> UnbindAsync(CommandContext context)
    {
        if (context.Binding is null)
        {
            throw new CommandException(context.T("Staff.Unbind.NotBound"));
        }

        context.Data.Remove(context.Binding);
        return Task.FromResult(CommandResult.Of(new Reply(context.T("Staff.Unbind.Done"))));
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
            0 => throw new CommandException(context.T("Staff.Assign.Unknown", name)),
            _ => throw new CommandException(context.T("Staff.Assign.Several", name)),
        };

        var existing = await context.Data.GetAssignmentsAsync(participant.Id, context.CancellationToken);
        if (existing.Any(a => a.SessionId == session.Id && a.Role == role))
        {
            throw new CommandException(context.T($"Staff.Assign.Already{role}", participant.DisplayName, session.Code));
        }

        context.Data.Add(new SessionAssignment { SessionId = session.Id, ParticipantId = participant.Id, Role = role });
        return CommandResult.Of(new Reply(context.T($"Staff.Assign.Now{role}", participant.DisplayName, session.Code, session.Title)));
    }

    public static Task<CommandResult> BroadcastAsync(CommandContext context)
    {
        var text = context.Command["text"]!;
        if (text.Length > MaxBroadcastLength)
        {
            throw new CommandException(context.T("Staff.Broadcast.TooLong", MaxBroadcastLength, text.Length));
        }

        Reply Announced(Texts texts) => new(text) { Title = texts.Format("Notice.Announcement") };
        return Task.FromResult(CommandResult.Of(Announced(context.Texts), Announcement.Localised(null, Announced)));
    }

    public static async Task<CommandResult> AddDelegationAsync(CommandContext context)
    {
        var name = context.Command["name"]!.Trim();
        var category = CategoryNames.Parse(context.Command["category"]!);
        var existing = await context.Data.GetDelegationsAsync(context.Meeting.Id, context.CancellationToken);
        if (existing.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new CommandException(context.T("Staff.Delegation.Exists", name));
        }

        NewDelegation(context, name, category);
        return CommandResult.Of(new Reply(context.T("Staff.Delegation.Added", name, context.Texts.Category(category))));
    }

    public static Delegation NewDelegation(CommandContext context, string name, DelegationCategory category)
    {
        if (name.Length is 0 or > 120)
        {
            throw new CommandException(context.T("Staff.Delegation.NameLength"));
        }

        var delegation = new Delegation { MeetingId = context.Meeting.Id, Name = name, Category = category };
        context.Data.Add(delegation);
        return delegation;
    }
}
