using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace GcmBot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature (<c>X-Signature-Ed25519</c>) over <c>X-Signature-Timestamp</c> + body,
/// and refuses timestamps more than five minutes from now (replays). "Now" is the real clock, never the injected
/// one: a rehearsal clock set in 2017 must not make Discord's real timestamps look stale.
/// </summary>
internal sealed class SignatureVerifier
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    private readonly PublicKey _key;

    public SignatureVerifier(string publicKeyHex)
    {
        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
    }

    public bool Verify(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex)
    {
        if (timestamp is null || signatureHex is not { Length: 128 }
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (TimeProvider.System.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxSkew)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(written));
        return SignatureAlgorithm.Ed25519.Verify(_key, signed, signature);
    }
}
