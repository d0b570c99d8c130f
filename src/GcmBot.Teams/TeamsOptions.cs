namespace GcmBot.Teams;

/// <summary>The <c>Teams</c> section: the bot's registration and the connector's limits.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The Azure Bot's Microsoft App ID. Empty: local development, requests are accepted without a token.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's client secret; used only to get connector tokens, never logged.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>Single-tenant bots: the Entra tenant. Empty: multi-tenant (the <c>botframework.com</c> tenant).</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Where Bot Framework's signing keys are published; tests point it at a local endpoint.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of tokens the Bot Framework sends to bots.</summary>
    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>The scope of outbound connector tokens.</summary>
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The host's public address (e.g. <c>https://gcmbot.example.org</c>), for every link (download) the bot posts.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary><see cref="PublicUrl"/> as a base address, or null when it is not set.</summary>
    internal Uri? PublicBase => Uri.TryCreate(PublicUrl.TrimEnd('/') + "/", UriKind.Absolute, out var url) && PublicUrl.Length > 0 ? url : null;

    /// <summary>Reverse proxies (IP addresses) whose X-Forwarded-Proto/Host are believed. Empty: a proxy on this machine (loopback).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Teams user ids (<c>29:…</c>) or Entra object ids made organisers when they first write to the bot.</summary>
    public IList<string> Organisers { get; } = [];

    /// <summary>Teams' published limit for one app: about 50 requests per second.</summary>
    public int AppRequestsPerSecond { get; set; } = 50;

    /// <summary>Teams' per-thread limits for one bot: 7 operations a second, 1,800 an hour.</summary>
    public int ConversationOperationsPerSecond { get; set; } = 7;

    public int ConversationOperationsPerHour { get; set; } = 1800;

    /// <summary>Retries of a failed connector call (429, 412, 5xx, network) before it is given up and logged.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>First retry delay; doubles each time (with jitter) unless the connector sends Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
