using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GcmBot.Teams.Auth;

/// <summary>
/// Validates the JWT the Bot Framework puts on every activity it sends: signed with a key from the
/// Bot Framework's OpenID metadata, issued by <c>https://api.botframework.com</c>, for this bot's app id,
/// within five minutes of clock skew. The <c>serviceurl</c> claim is checked against the activity itself
/// by the endpoint, which has read the body.
/// </summary>
internal static class BotFrameworkAuthentication
{
    public const string Scheme = "BotFramework";
    public const string ServiceUrlClaim = "serviceurl";
    private const string EndorsementClaim = "gcmbot:endorsement";
    private const string EndorsementsProperty = "endorsements";

    /// <summary>Registered always, configured from <see cref="TeamsOptions"/> when first used; only called when an app id is set.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(Scheme);
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<TeamsOptions>>((jwt, teams) =>
        {
            var options = teams.Value;
            jwt.MetadataAddress = options.OpenIdMetadataUrl;
            // Plain HTTP only for a metadata endpoint on this machine (the tests' stand-in).
            jwt.RequireHttpsMetadata = !IsLoopback(options.OpenIdMetadataUrl);
            jwt.MapInboundClaims = false;
            jwt.SaveToken = false;
            // Lifetimes are checked on the real clock, not the injected one: a rehearsal clock set in 2017
            // must not make real tokens look expired or not yet valid.
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = options.Issuer,
                ValidateAudience = true,
                ValidAudience = options.AppId,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = TimeSpan.FromMinutes(5),
                // Only the key the token names may verify it: a token whose kid is not published is refused,
                // even if one of the published keys happens to match its signature.
                TryAllIssuerSigningKeys = false,
            };
            jwt.Events = new JwtBearerEvents { OnTokenValidated = AddEndorsementsAsync };
        });
    }

    /// <summary>
    /// Copies the signing key's <c>endorsements</c> (the channels it may sign for) from the published JWKS onto
    /// the principal, so the endpoint can check them against the activity's <c>channelId</c>, as the Bot
    /// Framework SDKs' EndorsementsValidator does.
    /// </summary>
    private static async Task AddEndorsementsAsync(TokenValidatedContext context)
    {
        var keyId = (context.SecurityToken as JsonWebToken)?.Kid;
        var configuration = context.Options.ConfigurationManager is { } manager
            ? await manager.GetConfigurationAsync(context.HttpContext.RequestAborted)
            : context.Options.Configuration;
        var key = configuration?.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (context.Principal?.Identity is ClaimsIdentity identity && key is not null && key.AdditionalData.TryGetValue(EndorsementsProperty, out var endorsements))
        {
            foreach (var channel in Channels(endorsements))
            {
                identity.AddClaim(new Claim(EndorsementClaim, channel));
            }
        }
    }

    private static IEnumerable<string> Channels(object? endorsements) => endorsements switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        IEnumerable<object> list => list.Select(e => e?.ToString() ?? "").Where(e => e.Length > 0),
        _ => [],
    };

    /// <summary>
    /// The Bot Framework SDKs' rule: an activity without a channel id passes; otherwise the signing key must
    /// list that channel among its endorsements.
    /// </summary>
    public static bool IsEndorsed(ClaimsPrincipal caller, string? channelId) =>
        string.IsNullOrEmpty(channelId) || caller.FindAll(EndorsementClaim).Any(c => string.Equals(c.Value, channelId, StringComparison.OrdinalIgnoreCase));

    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
