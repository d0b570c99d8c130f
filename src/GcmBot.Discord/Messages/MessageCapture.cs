using System.Text.Json;
using GcmBot.Core.Capture;
using GcmBot.Core.Commands;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Handling;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Discord.Interactions;
using GcmBot.Discord.Rendering;
using GcmBot.Discord.Rest;
using GcmBot.Discord.Wire;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Messages;

/// <summary>
/// Channel messages: prefix commands (<c>!speak</c>) in bound channels and direct messages; everything
/// else said in a bound channel while its session is open becomes a contribution, and later edits and
/// deletions follow it. Bots, webhooks and the bot itself are ignored.
/// </summary>
internal sealed class MessageCapture
{
    private readonly ContributionService _contributions;
    private readonly CommandService _commands;
    private readonly AnnouncementDispatcher _announcer;
    private readonly IMeetingStore _store;
    private readonly DiscordRest _rest;
    private readonly DiscordDelivery _delivery;
    private readonly DiscordPeople _people;
    private readonly DiscordOptions _options;

    public MessageCapture(
        ContributionService contributions,
        CommandService commands,
        AnnouncementDispatcher announcer,
        IMeetingStore store,
        DiscordRest rest,
        DiscordDelivery delivery,
        DiscordPeople people,
        IOptions<DiscordOptions> options)
    {
        _contributions = contributions;
        _commands = commands;
        _announcer = announcer;
        _store = store;
        _rest = rest;
        _delivery = delivery;
        _people = people;
        _options = options.Value;
    }

    /// <summary>The bot's own user id, from READY.</summary>
    public string? SelfId { get; set; }

    public async Task HandleAsync(string type, JsonElement data, CancellationToken cancellationToken)
    {
        var message = data.Deserialize<DiscordMessage>(DiscordJson.Options)!;
        if (type == "MESSAGE_DELETE")
        {
            await _contributions.DeleteAsync(DiscordChannel.Name, message.Id, cancellationToken);
            return;
        }

        if (message.Author is not { } author || author.Bot == true || author.Id == SelfId || message.WebhookId is not null || message.Content is not { } content)
        {
            return;
        }

        if (type == "MESSAGE_UPDATE")
        {
            await _contributions.EditAsync(DiscordChannel.Name, message.Id, content, cancellationToken);
            return;
        }

        // In a server only bound channels are the meeting's; elsewhere people chat among themselves.
        if (message.GuildId is not null && !await IsBoundAsync(message.ChannelId, cancellationToken))
        {
            return;
        }

        var name = DiscordPeople.NameOf(author, message.Member);
        if (_options.Prefix.Length > 0 && content.StartsWith(_options.Prefix, StringComparison.Ordinal) && content.Length > _options.Prefix.Length)
        {
            await RunCommandAsync(message, author, name, content[_options.Prefix.Length..], cancellationToken);
            return;
        }

        var roles = await _people.FirstRolesAsync(author, message.GuildId, message.Member, cancellationToken);
        var captured = await _contributions.CaptureAsync(DiscordChannel.Name, message.ChannelId, message.Id, author.Id, name, content, roles, cancellationToken);
        if (captured.NotRecorded is { } why)
        {
            // Why it was not recorded concerns the author only: by direct message, or not at all.
            await _delivery.SendDirectAsync(author.Id, Reply.Private(why), cancellationToken);
        }
    }

    private async Task RunCommandAsync(DiscordMessage message, DiscordUser author, string name, string command, CancellationToken cancellationToken)
    {
        var inbound = new Inbound(DiscordChannel.Name, message.ChannelId, author.Id, name)
        {
            Text = command,
            EventId = message.Id,
            Reference = message.ChannelId,
            NewParticipantRoles = await _people.FirstRolesAsync(author, message.GuildId, message.Member, cancellationToken),
        };
        if (await _commands.HandleAsync(inbound, cancellationToken) is not { } result)
        {
            return;
        }

        // A personal answer in a server goes only by direct message. If Discord refuses the DM, the channel
        // gets a note without the answer: private content is never posted where others can read it.
        var answer = result.Reply;
        if (answer.Visibility == Visibility.Private && message.GuildId is not null
            && await _delivery.SendDirectAsync(author.Id, answer, cancellationToken))
        {
            answer = null;
        }
        else if (answer.Visibility == Visibility.Private && message.GuildId is not null)
        {
            answer = DirectMessageRefused(await _commands.TextsForAsync(inbound, cancellationToken), author.Id, command);
        }

        if (answer is not null)
        {
            answer = MessageRenderer.Fit(answer);
            await _rest.SendAsync(
                DiscordRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", message.ChannelId),
                MessageRenderer.Render(answer, replyTo: message.Id),
                answer.Attachment,
                cancellationToken);
        }

        await _announcer.DispatchAsync(result.Announcements, (DiscordChannel.Name, message.ChannelId), cancellationToken);
    }

    /// <summary>In the language the answer itself was written in (the person's choice, the command's name, the meeting's).</summary>
    private static Reply DirectMessageRefused(Texts texts, string userId, string command)
    {
        var slash = CommandParser.Parse(command).Command?.Definition is { } definition ? "/" + SlashCommands.NameOf(definition) : texts.Format("Discord.TheSlashCommand");
        return Reply.Error(texts.Format("Discord.DirectMessageRefused", userId, slash));
    }

    private Task<bool> IsBoundAsync(string channelId, CancellationToken cancellationToken) =>
        _store.ReadAsync(async (data, ct) => await data.GetBindingAsync(DiscordChannel.Name, channelId, ct) is not null, cancellationToken);
}
