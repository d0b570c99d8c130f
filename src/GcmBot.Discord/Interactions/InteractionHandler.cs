using System.Text.Json;
using GcmBot.Core.Commands;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Discord.Rendering;
using GcmBot.Discord.Rest;
using GcmBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Interactions;

/// <summary>
/// Turns slash commands, button presses and modal submissions into core commands and answers them:
/// at once when the command finishes within <see cref="DiscordOptions.AcknowledgeWithin"/>, otherwise
/// deferred (type 5) and then edited or followed up. Autocomplete offers sessions, rooms and delegations.
/// </summary>
internal sealed partial class InteractionHandler
{
    private const int MaxChoices = 25;
    private const int AlreadyAcknowledged = 40060;

    private readonly CommandService _commands;
    private readonly AnnouncementDispatcher _announcer;
    private readonly IMeetingStore _store;
    private readonly DiscordRest _rest;
    private readonly DiscordPeople _people;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionHandler> _logger;

    public InteractionHandler(
        CommandService commands,
        AnnouncementDispatcher announcer,
        IMeetingStore store,
        DiscordRest rest,
        DiscordPeople people,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<InteractionHandler> logger)
    {
        _commands = commands;
        _announcer = announcer;
        _store = store;
        _rest = rest;
        _people = people;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// An interaction from the gateway: its first answer goes to the callback endpoint, which Discord accepts only
    /// within 3 seconds of the interaction, so no attempt or retry is made after that.
    /// </summary>
    public Task HandleFromGatewayAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var until = _time.GetUtcNow() + DiscordChannel.CallbackWindow;
        var callback = DiscordRoute.Create(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", interaction.Id, interaction.Token);
        return HandleAsync(interaction, (response, ct) => _rest.SendWithinAsync(callback, response, until, ct), cancellationToken);
    }

    /// <param name="respond">Sends the first answer: the callback endpoint (gateway) or the HTTP response (webhook).</param>
    public async Task HandleAsync(Interaction interaction, Func<InteractionResponse, CancellationToken, Task> respond, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                await respond(new InteractionResponse(InteractionResponse.Pong, null), cancellationToken);
                return;
            case InteractionType.ApplicationCommandAutocomplete:
                await respond(new InteractionResponse(InteractionResponse.AutocompleteResult, new AutocompleteData(await ChoicesAsync(interaction, cancellationToken))), cancellationToken);
                return;
            default:
                await RunAsync(interaction, respond, cancellationToken);
                return;
        }
    }

    private async Task RunAsync(Interaction interaction, Func<InteractionResponse, CancellationToken, Task> respond, CancellationToken cancellationToken)
    {
        var inbound = ToInbound(interaction);
        if (inbound is null)
        {
            var refusal = MessageRenderer.Render(Reply.Error(Texts.For(interaction.Locale).Format("Discord.Unreadable")), ephemeral: true);
            await respond(new InteractionResponse(InteractionResponse.ChannelMessage, refusal), cancellationToken);
            return;
        }

        inbound = inbound with { NewParticipantRoles = await _people.FirstRolesAsync(interaction.Person!, interaction.GuildId, interaction.Member, cancellationToken) };

        // On the thread pool: SQLite's "async" calls block while another writer holds the database, and the
        // deferral must still go out in time.
        var work = Task.Run(() => _commands.HandleAsync(inbound, cancellationToken), cancellationToken);
        var deferred = false;
        if (!await FinishesWithinAsync(work, cancellationToken))
        {
            // Discord drops an interaction not answered within 3 s: acknowledge now, answer when done.
            LogDeferred(_logger, inbound.CommandName ?? inbound.Text ?? "");
            deferred = true;
            if (!await AcknowledgeAsync(respond, new InteractionResponse(InteractionResponse.DeferredChannelMessage, null), cancellationToken))
            {
                // The interaction is gone: nothing can answer it any more, but what the command did stands.
                if (await work is { } unanswered)
                {
                    await AnnounceAsync(unanswered, inbound, cancellationToken);
                }

                return;
            }
        }

        // A redelivery: what the first delivery did stands, and the person is told so in their language.
        var result = await work ?? new CommandResult(Reply.Private((await _commands.TextsForAsync(inbound, cancellationToken)).Format("Discord.AlreadyDone")), []);
        var reply = MessageRenderer.Fit(result.Reply);
        var ephemeral = reply.Visibility == Visibility.Private;
        if (!deferred && reply.Attachment is null)
        {
            var first = reply.Form is { } form && interaction.Type != InteractionType.ModalSubmit
                ? new InteractionResponse(InteractionResponse.Modal, MessageRenderer.Modal(form))
                : new InteractionResponse(InteractionResponse.ChannelMessage, MessageRenderer.Render(reply with { Form = null }, ephemeral));
            await AcknowledgeAsync(respond, first, cancellationToken);
        }
        else if (deferred || await AcknowledgeAsync(respond, new InteractionResponse(InteractionResponse.DeferredChannelMessage, null), cancellationToken))
        {
            // A file goes with a follow-up (multipart); the first answer only acknowledged.
            await FollowUpAsync(interaction, reply, ephemeral, cancellationToken);
        }

        await AnnounceAsync(result, inbound, cancellationToken);
    }

    private Task AnnounceAsync(CommandResult result, Inbound inbound, CancellationToken cancellationToken) =>
        _announcer.DispatchAsync(result.Announcements, (DiscordChannel.Name, inbound.ConversationId), cancellationToken);

    /// <summary>
    /// Sends the first answer; false when Discord no longer takes it (its 3 seconds are over, already logged).
    /// 40060 means an earlier attempt of this same answer got through although its response was lost: done.
    /// </summary>
    private async Task<bool> AcknowledgeAsync(Func<InteractionResponse, CancellationToken, Task> respond, InteractionResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await respond(response, cancellationToken);
            return true;
        }
        catch (DiscordRestException refused) when (refused.Code == AlreadyAcknowledged)
        {
            return true;
        }
        catch (DiscordRestException refused)
        {
            LogUnanswered(_logger, refused.Code ?? 0);
            return false;
        }
    }

    /// <summary>After a deferral: edit the "thinking…" message, or replace it with an ephemeral follow-up.</summary>
    private async Task FollowUpAsync(Interaction interaction, Reply reply, bool ephemeral, CancellationToken cancellationToken)
    {
        var original = DiscordRoute.Create(HttpMethod.Patch, "webhooks/{webhook_id}/{webhook_token}/messages/@original", interaction.ApplicationId, interaction.Token);
        if (!ephemeral)
        {
            await _rest.SendAsync(original, MessageRenderer.Render(reply), reply.Attachment, cancellationToken);
            return;
        }

        // The deferral was public; a private answer must not stay visible to everyone.
        await _rest.SendAsync(
            DiscordRoute.Create(HttpMethod.Delete, "webhooks/{webhook_id}/{webhook_token}/messages/@original", interaction.ApplicationId, interaction.Token),
            null,
            null,
            cancellationToken);
        await _rest.SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "webhooks/{webhook_id}/{webhook_token}", interaction.ApplicationId, interaction.Token),
            MessageRenderer.Render(reply, ephemeral: true),
            reply.Attachment,
            cancellationToken);
    }

    private async Task<bool> FinishesWithinAsync(Task work, CancellationToken cancellationToken)
    {
        if (_options.AcknowledgeWithin <= TimeSpan.Zero)
        {
            return false;
        }

        if (work.IsCompleted)
        {
            return true;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeout = Task.Delay(_options.AcknowledgeWithin, _time, budget.Token);
        var first = await Task.WhenAny(work, timeout);
        await budget.CancelAsync();
        return first == work;
    }

    private static Inbound? ToInbound(Interaction interaction)
    {
        if (interaction.Person is not { } user || interaction.ChannelId is not { } channel || interaction.Data is not { } data)
        {
            return null;
        }

        var inbound = new Inbound(DiscordChannel.Name, channel, user.Id, DiscordPeople.NameOf(user, interaction.Member))
        {
            EventId = interaction.Id,
            Locale = interaction.Locale,
            Reference = channel,
        };
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand when data.Name is { } name:
                return inbound with
                {
                    CommandName = name,
                    Fields = (data.Options ?? []).ToDictionary(o => o.Name, o => o.Text, StringComparer.OrdinalIgnoreCase),
                };
            case InteractionType.MessageComponent when data.CustomId is { } id:
                var command = CustomIds.Command(id) ?? (CustomIds.Form(id) is { } form ? "/" + form : null);
                return command is null ? null : inbound with { Text = command };
            case InteractionType.ModalSubmit when data.CustomId is { } id && CustomIds.Form(id) is { } formCommand:
                var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var input in (data.Components ?? []).SelectMany(c => c.Inputs()))
                {
                    fields[input.CustomId!] = input.Value!;
                }

                return inbound with { CommandName = formCommand, Fields = fields };
            default:
                return null;
        }
    }

    /// <summary>Sessions (and rooms, for <c>bind</c>) or delegations matching what is typed so far.</summary>
    private async Task<IReadOnlyList<CommandChoice>> ChoicesAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var focused = interaction.Data?.Options?.FirstOrDefault(o => o.Focused == true);
        var command = interaction.Data?.Name is { } name ? CommandCatalogue.Find(name) : null;
        var argument = focused is null ? null : command?.Arguments.FirstOrDefault(a => a.Name == focused.Name);
        var withRooms = command?.Id == CommandId.Bind;
        if (argument?.Kind is not (ArgumentKind.Session or ArgumentKind.Delegation))
        {
            return [];
        }

        var typed = focused!.Text.Trim();
        var candidates = await _store.ReadAsync(async (data, ct) =>
        {
            var meeting = await data.GetMeetingAsync(ct);
            if (meeting is null)
            {
                return new List<CommandChoice>();
            }

            if (argument.Kind == ArgumentKind.Delegation)
            {
                return [.. (await data.GetDelegationsAsync(meeting.Id, ct)).Select(d => new CommandChoice(d.Name, d.Name))];
            }

            var sessions = (await data.GetSessionsAsync(meeting.Id, ct)).Where(s => s.Kind != SessionKind.Break).ToList();
            return [.. sessions.Select(s => new CommandChoice($"{s.Code} — {s.Title}", s.Code)),
                .. withRooms ? sessions.Select(s => s.Room).Distinct().Select(r => new CommandChoice($"{r} (room)", r)) : []];
        }, cancellationToken);

        return [.. candidates
            .Where(c => typed.Length == 0 || c.Name.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Take(MaxChoices)
            .Select(c => new CommandChoice(Fit(c.Name), Fit(c.Value)))];
    }

    private static string Fit(string text) => text.Length <= 100 ? text : text[..100];

    /// <summary>Parses an interaction payload; null when it is not one.</summary>
    public static Interaction? Parse(JsonElement json)
    {
        try
        {
            return json.Deserialize<Interaction>(DiscordJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Discord interaction {Command} deferred: the command took longer than the acknowledgement budget")]
    private static partial void LogDeferred(ILogger logger, string command);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Discord interaction could not be answered within its 3 seconds (code {Code}); the person sees that the application did not respond")]
    private static partial void LogUnanswered(ILogger logger, int code);
}
