using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GcmBot.Teams.Tests;

/// <summary>
/// Stands in for Bot Framework's token service (login.botframework.com cannot be reached here): OpenID
/// metadata and a JWKS with a test RSA key, served on loopback, and tokens signed with that key.
/// </summary>
public sealed class OpenIdServer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "gcmbot-test-key";

    private static readonly string[] _rs256 = ["RS256"];
    private static readonly string[] _keyAuth = ["private_key_jwt"];
    private static readonly string[] _teams = ["msteams"];

    private readonly LoopbackServer _server;

    private OpenIdServer(LoopbackServer server, RsaSecurityKey key)
    {
        _server = server;
        Key = key;
    }

    public RsaSecurityKey Key { get; }

    public string MetadataUrl => new Uri(_server.Address, ".well-known/openidconfiguration").AbsoluteUri;

    public static async Task<OpenIdServer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        Uri? address = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = new Uri(address!, "keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = _rs256,
                ["token_endpoint_auth_methods_supported"] = _keyAuth,
            }));
            app.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, endorsements = _teams } } }));
        });
        address = server.Address;
        return new OpenIdServer(server, key);
    }

    /// <summary>A Bot Framework-style token: signed by <paramref name="key"/> (default: the published key).</summary>
    public string Token(string audience, string serviceUrl, string issuer = Issuer, DateTimeOffset? expires = null, SecurityKey? key = null)
    {
        var now = DateTimeOffset.UtcNow;
        var expiry = expires ?? now.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expiry < now ? expiry.AddMinutes(-30) : now).UtcDateTime,
            NotBefore = (expiry < now ? expiry.AddMinutes(-30) : now.AddMinutes(-1)).UtcDateTime,
            Expires = expiry.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A key with the same id that was never published: its signatures must not verify.</summary>
    public static RsaSecurityKey Impostor() => new(RSA.Create(2048)) { KeyId = KeyId };

    /// <summary>The published key's private half under an id that is not in the JWKS.</summary>
    public RsaSecurityKey Unpublished() => new(Key.Rsa) { KeyId = "not-in-the-jwks" };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
