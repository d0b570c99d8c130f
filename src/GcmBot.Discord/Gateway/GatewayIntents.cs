namespace GcmBot.Discord.Gateway;

[Flags]
internal enum GatewayIntents
{
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged: enable "Message Content Intent" for the bot in the developer portal.</summary>
    MessageContent = 1 << 15,

    Bot = Guilds | GuildMessages | DirectMessages | MessageContent,
}
