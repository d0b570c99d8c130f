using System.Globalization;

using GcmBot.Discord.Tests.Fakes;

namespace GcmBot.Discord.Tests;

/// <summary>Builds Discord payloads (interactions, messages) as the API documents them, for the fake to send.</summary>
public sealed class DiscordUsers
{
    public const string Channel = "910000000000000001";
    private const string Administrator = "8";
    private const string Member = "2048";

    private long _next = 1_200_000_000_000_000_000;

    /// <summary>The person's client language, as every interaction but a ping carries it.</summary>
    public string Locale { get; set; } = "en-US";

    public string NextId() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);

    public static object User(string id, string name) => new { id, username = name.ToLowerInvariant().Replace(' ', '_'), global_name = name, discriminator = "0", avatar = (string?)null };

    public static object MemberOf(string id, string name, bool organiser = false) =>
        new { user = User(id, name), nick = (string?)null, roles = Array.Empty<string>(), permissions = organiser ? Administrator : Member, joined_at = "2017-12-01T00:00:00+00:00" };

    private object Interaction(int type, (string Id, string Name, bool Organiser) who, object data) => new
    {
        id = NextId(),
        application_id = FakeDiscord.ApplicationId,
        type,
        data,
        guild_id = FakeDiscord.GuildId,
        channel_id = Channel,
        channel = new { id = Channel, type = 0 },
        member = MemberOf(who.Id, who.Name, who.Organiser),
        token = "itoken-" + NextId(),
        version = 1,
        locale = Locales.GetValueOrDefault(who.Id, Locale),
    };

    /// <summary>The client language Discord reports for one user's interactions (<c>locale</c>), where it is not <see cref="Locale"/>.</summary>
    public Dictionary<string, string> Locales { get; } = [];

    public object Command((string Id, string Name, bool Organiser) who, string name, params (string Name, object Value)[] options) =>
        Interaction(2, who, new { id = NextId(), name, type = 1, options = options.Select(o => new { name = o.Name, type = o.Value is int ? 4 : 3, value = o.Value }).ToArray() });

    public object Autocomplete((string Id, string Name, bool Organiser) who, string name, string option, string typed) =>
        Interaction(4, who, new { id = NextId(), name, type = 1, options = new[] { new { name = option, type = 3, value = typed, focused = true } } });

    public object Button((string Id, string Name, bool Organiser) who, string customId) =>
        Interaction(3, who, new { custom_id = customId, component_type = 2 });

    /// <summary>A button pressed in a direct message with the bot: no guild, no member, the user alone.</summary>
    public object DirectButton((string Id, string Name, bool Organiser) who, string dmChannel, string customId) => new
    {
        id = NextId(),
        application_id = FakeDiscord.ApplicationId,
        type = 3,
        data = new { custom_id = customId, component_type = 2 },
        channel_id = dmChannel,
        channel = new { id = dmChannel, type = 1 },
        user = User(who.Id, who.Name),
        token = "itoken-" + NextId(),
        version = 1,
    };

    public object ModalSubmit((string Id, string Name, bool Organiser) who, string customId, params (string Field, string Value)[] fields) =>
        Interaction(5, who, new
        {
            custom_id = customId,
            components = fields.Select(f => new { type = 1, components = new[] { new { type = 4, custom_id = f.Field, value = f.Value } } }).ToArray(),
        });

    /// <param name="roles">The member's role ids as MESSAGE_CREATE carries them (none by default).</param>
    /// <param name="withoutMember">Sends no member at all, as some partial events do.</param>
    public static object Message((string Id, string Name, bool Organiser) who, string id, string content, bool bot = false, string[]? roles = null, string? nick = null, bool withoutMember = false) => new
    {
        id,
        channel_id = Channel,
        guild_id = FakeDiscord.GuildId,
        author = new { id = who.Id, username = who.Name, global_name = who.Name, discriminator = "0", avatar = (string?)null, bot },
        member = withoutMember ? null : new { nick, roles = roles ?? [], joined_at = "2017-12-01T00:00:00+00:00" },
        content,
        timestamp = "2017-12-05T16:41:00+00:00",
        tts = false,
        mention_everyone = false,
        mentions = Array.Empty<object>(),
        mention_roles = Array.Empty<string>(),
        attachments = Array.Empty<object>(),
        embeds = Array.Empty<object>(),
        pinned = false,
        type = 0,
    };
}
