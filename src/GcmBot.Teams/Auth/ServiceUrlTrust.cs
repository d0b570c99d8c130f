using System.Collections.Concurrent;

namespace GcmBot.Teams.Auth;

/// <summary>
/// Which connectors the bot may post to, so that an activity cannot point the bot at an arbitrary address
/// (SSRF). With an app id: only service URLs a validated Bot Framework token vouched for (its
/// <c>serviceurl</c> claim), remembered for the life of the process. Anonymous (local development): only
/// connectors on this machine.
/// </summary>
internal sealed class ServiceUrlTrust
{
    private readonly ConcurrentDictionary<string, byte> _vouched = new(StringComparer.OrdinalIgnoreCase);

    public ServiceUrlTrust(Microsoft.Extensions.Options.IOptions<TeamsOptions> options)
    {
        Anonymous = options.Value.AppId.Length == 0;
    }

    public bool Anonymous { get; }

    /// <summary>A validated token named this service URL.</summary>
    public void Vouch(string serviceUrl) => _vouched.TryAdd(Normalise(serviceUrl), 0);

    public bool IsTrusted(string serviceUrl) => Anonymous ? IsLoopback(serviceUrl) : _vouched.ContainsKey(Normalise(serviceUrl));

    public static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static string Normalise(string url) => url.TrimEnd('/');
}
