using System.Security.Cryptography;
using System.Text;

namespace GcmBot.Core.Domain;

/// <summary>
/// The stored form of a bearer token (the web chat's identity, an invitation): a SHA-256 prefix, so the database never
/// holds a token that could be replayed.
/// </summary>
public static class TokenHash
{
    /// <summary>A new random token, safe in a URL: 24 random bytes.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string Of(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..40].ToLowerInvariant();
}
