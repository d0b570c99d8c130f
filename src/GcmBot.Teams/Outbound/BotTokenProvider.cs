using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace GcmBot.Teams.Outbound;

/// <summary>
/// Client-credentials tokens for the connector (MSAL, scope <c>https://api.botframework.com/.default</c>).
/// MSAL keeps the token in its in-memory cache and asks for a new one shortly before it expires.
/// Without an app id (the Agents Playground, the emulator) there is no token to get.
/// </summary>
internal sealed class BotTokenProvider
{
    public const string LoginClient = "GcmBot.Teams.Login";

    private readonly TeamsOptions _options;
    private readonly IConfidentialClientApplication? _msal;

    public BotTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory http)
    {
        _options = options.Value;
        if (_options.AppId.Length == 0)
        {
            return;
        }

        var tenant = _options.TenantId.Length > 0 ? _options.TenantId : "botframework.com";
        _msal = ConfidentialClientApplicationBuilder.Create(_options.AppId)
            .WithClientSecret(_options.AppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClients(http))
            .Build();
    }

    /// <summary>The bearer token for the connector, or null when no app id is configured.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_msal is null)
        {
            return null;
        }

        var result = await _msal.AcquireTokenForClient([_options.OAuthScope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private sealed class MsalHttpClients : IMsalHttpClientFactory
    {
        private readonly IHttpClientFactory _http;

        public MsalHttpClients(IHttpClientFactory http)
        {
            _http = http;
        }

        public HttpClient GetHttpClient() => _http.CreateClient(LoginClient);
    }
}
