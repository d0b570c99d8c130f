namespace GcmBot.Discord;

/// <summary>The <c>Discord</c> configuration section. The adapter is off unless <see cref="Token"/> is set.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token from the developer portal. A secret: never logged.</summary>
    public string? Token { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key (hex), for the HTTP interactions endpoint.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Register slash commands in this guild only (instant updates) instead of globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>REST base address, version included; tests point it at a fake server.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Connect here instead of the URL that <c>GET /gateway/bot</c> returns (tests, proxies).</summary>
    public Uri? GatewayOverride { get; set; }

    /// <summary>Open the Gateway connection (off for deployments that only use the HTTP interactions endpoint).</summary>
    public bool Gateway { get; set; } = true;

    /// <summary>Text commands start with this in bound channels, e.g. <c>!speak</c>.</summary>
    public string Prefix { get; set; } = "!";

    /// <summary>Discord user ids that become organisers on first contact (besides members with Administrator or Manage Server).</summary>
    public IList<string> Organisers { get; } = [];

    /// <summary>How long an interaction may run before it is deferred; Discord allows 3 s for the first answer.</summary>
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
