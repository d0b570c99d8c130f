using GcmBot.Core.Commands;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class CommandHandlers
{
    public static Task<CommandResult> RunAsync(CommandContext context) => context.Command.Definition.Id switch
    {
        CommandId.Help => MeetingCommands.HelpAsync(context),
        CommandId.Agenda => MeetingCommands.AgendaAsync(context),
        CommandId.WhoAmI => MeetingCommands.WhoAmIAsync(context),
        CommandId.Register => MeetingCommands.RegisterAsync(context),
        CommandId.Speak => FloorCommands.RequestAsync(context, Domain.RequestKind.Statement),
        CommandId.PointOfOrder => FloorCommands.RequestAsync(context, Domain.RequestKind.PointOfOrder),
        CommandId.Reply => FloorCommands.RequestAsync(context, Domain.RequestKind.Reply),
        CommandId.Withdraw => FloorCommands.WithdrawAsync(context),
        CommandId.Queue => FloorCommands.QueueAsync(context),
        CommandId.SessionOpen => ChairCommands.OpenAsync(context),
        CommandId.SessionClose => ChairCommands.CloseAsync(context),
        CommandId.Next => ChairCommands.NextAsync(context),
        CommandId.ListClose => ChairCommands.SetListOpenAsync(context, open: false),
        CommandId.ListReopen => ChairCommands.SetListOpenAsync(context, open: true),
        CommandId.ListAdd => ChairCommands.AddAsync(context),
        CommandId.ListRemove => ChairCommands.RemoveAsync(context),
        CommandId.ListMove => ChairCommands.MoveAsync(context),
        CommandId.Stakeholders => ChairCommands.StakeholdersAsync(context),
        CommandId.Flex => ChairCommands.FlexAsync(context),
        CommandId.Card => CardCommands.SubmitAsync(context),
        CommandId.CardEdit => CardCommands.EditAsync(context),
        CommandId.CardWithdraw => CardCommands.WithdrawAsync(context),
        CommandId.Cards => CardCommands.ListAsync(context),
        CommandId.CardsExport => CardCommands.ExportAsync(context),
        CommandId.Bind => SecretariatCommands.BindAsync(context),
        CommandId.Unbind => SecretariatCommands.UnbindAsync(context),
        CommandId.Assign => SecretariatCommands.AssignAsync(context),
        CommandId.Broadcast => SecretariatCommands.BroadcastAsync(context),
        CommandId.DelegationAdd => SecretariatCommands.AddDelegationAsync(context),
        CommandId.TimerStart => TimerCommands.StartAsync(context),
        CommandId.TimerPause => TimerCommands.PauseAsync(context),
        CommandId.TimerResume => TimerCommands.ResumeAsync(context),
        CommandId.TimerExtend => TimerCommands.ExtendAsync(context),
        CommandId.TimerStop => TimerCommands.StopAsync(context),
        CommandId.Floor => TimerCommands.FloorAsync(context),
        CommandId.Allowance => TimerCommands.AllowanceAsync(context),
        CommandId.RemindMe => ReminderCommands.RemindMeAsync(context),
        CommandId.BroadcastAt => ReminderCommands.BroadcastAtAsync(context),
        CommandId.BroadcastIn => ReminderCommands.BroadcastInAsync(context),
        CommandId.Broadcasts => ReminderCommands.ListAsync(context),
        CommandId.BroadcastCancel => ReminderCommands.CancelAsync(context),
        CommandId.SessionMove => AgendaCommands.MoveAsync(context),
        CommandId.SessionRoom => AgendaCommands.RoomAsync(context),
        CommandId.AgendaIcs => CalendarCommands.IcsAsync(context),
        CommandId.Stats => StatisticsCommands.StatsAsync(context),
        _ => throw new InvalidOperationException($"No handler for {context.Command.Definition.Id}."),
    };
}
