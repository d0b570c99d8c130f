using System.Text.Json;
using GcmBot.Core.Capture;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Handling;
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
    private readonly DiscordOptions _options;

    public MessageCapture(
        ContributionService contributions,
        CommandService commands,
        AnnouncementDispatcher announcer,
        IMeetingStore store,
        DiscordRest rest,
        DiscordDelivery delivery,
        IOptions<DiscordOptions> options)
    {
        _contributions = contributions;
        _commands = commands;
        _announcer = announcer;
        _store = store;
        _rest = rest;
        _delivery = delivery;
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

        var name = DiscordPeople.NameOf(author, message.Member);
        if (_options.Prefix.Length > 0 && content.StartsWith(_options.Prefix, StringComparison.Ordinal) && content.Length > _options.Prefix.Length
            && (message.GuildId is null || await IsBoundAsync(message.ChannelId, cancellationToken)))
        {
            await RunCommandAsync(message, author, name, content[_options.Prefix.Length..], cancellationToken);
            return;
        }

        await _contributions.CaptureAsync(DiscordChannel.Name, message.ChannelId, message.Id, author.Id, name, content, cancellationToken);
    }

    private async Task RunCommandAsync(DiscordMessage message, DiscordUser author, string name, string command, CancellationToken cancellationToken)
    {
        var inbound = new Inbound(DiscordChannel.Name, message.ChannelId, author.Id, name)
        {
            Text = command,
            EventId = message.Id,
            Reference = message.ChannelId,
            NewParticipantRoles = DiscordPeople.FirstRoles(author, null, _options),
        };
        if (await _commands.HandleAsync(inbound, cancellationToken) is not { } result)
        {
            return;
        }

        // A personal answer goes by direct message when it can; otherwise it is answered in place.
        var personal = result.Reply.Visibility == Visibility.Private && message.GuildId is not null
            && await _delivery.SendDirectAsync(author.Id, result.Reply, cancellationToken);
        if (!personal)
        {
            await _rest.SendAsync(
                DiscordRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", message.ChannelId),
                MessageRenderer.Render(result.Reply, replyTo: message.Id),
                result.Reply.Attachment,
                cancellationToken);
        }

        await _announcer.DispatchAsync(result.Announcements, (DiscordChannel.Name, message.ChannelId), cancellationToken);
    }

    private Task<bool> IsBoundAsync(string channelId, CancellationToken cancellationToken) =>
        _store.ReadAsync(async (data, ct) => await data.GetBindingAsync(DiscordChannel.Name, channelId, ct) is not null, cancellationToken);
}
