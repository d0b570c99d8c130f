using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace GcmBot.Discord.Tests;

/// <summary>
/// <c>POST /discord/interactions</c> in the real host, with requests signed by tweetnacl (npm) the way
/// Discord signs them: Ed25519 over timestamp + body.
/// </summary>
public sealed class SignatureTests
{
    private const string Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string OtherSeed = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

    private static async Task<(string PublicKey, string[] Signatures)> SignAsync(string seed, params (string Timestamp, string Body)[] messages)
    {
        var input = JsonSerializer.Serialize(new { seed, messages = messages.Select(m => new { timestamp = m.Timestamp, body = m.Body }) });
        using var output = JsonDocument.Parse(await Node.RunAsync("sign.js", input));
        return (output.RootElement.GetProperty("publicKey").GetString()!,
            [.. output.RootElement.GetProperty("signatures").EnumerateArray().Select(s => s.GetString()!)]);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string timestamp, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Timestamps are Discord's real time while the host's meeting clock rehearses 2017: a timestamp at the meeting
    /// clock's "now" is eight years stale.
    /// </summary>
    [Fact]
    public async Task Interactions_SignedByTweetnacl_VerifiesOnRealTimeAndRejectsTampering()
    {
        var real = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var now = real.ToString(CultureInfo.InvariantCulture);
        var stale = (real - 301).ToString(CultureInfo.InvariantCulture);
        var meetingClock = DiscordHost.ActionGroupMorning.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string ping = """{"id":"1","application_id":"900000000000000002","type":1,"token":"t","version":1}""";
        var users = new DiscordUsers();
        var command = JsonSerializer.Serialize(users.Command(("800000000000000005", "Ana", false), "whoami"));
        var (publicKey, signatures) = await SignAsync(Seed, (now, ping), (stale, ping), (now, command), (meetingClock, ping));
        var (_, foreign) = await SignAsync(OtherSeed, (now, ping));

        await using var host = await DiscordHost.StartAsync(new Dictionary<string, string> { ["Discord:PublicKey"] = publicKey });
        using var client = host.Factory.CreateClient();

        using (var pong = await PostAsync(client, now, ping, signatures[0]))
        {
            Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
            Assert.Equal(1, JsonDocument.Parse(await pong.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32());
        }

        var flipped = Encoding.UTF8.GetBytes(ping);
        flipped[10] ^= 0x01;
        using (var tampered = await PostAsync(client, now, Encoding.UTF8.GetString(flipped), signatures[0]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        }

        var signature = signatures[0].ToCharArray();
        signature[0] = signature[0] == '0' ? '1' : '0';
        using (var badSignature = await PostAsync(client, now, ping, new string(signature)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, badSignature.StatusCode);
        }

        using (var wrongKey = await PostAsync(client, now, ping, foreign[0]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        }

        using (var old = await PostAsync(client, stale, ping, signatures[1]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        using (var rehearsed = await PostAsync(client, meetingClock, ping, signatures[3]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, rehearsed.StatusCode);
        }

        using (var unsigned = await PostAsync(client, now, ping, ""))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        // A signed command is answered in the HTTP response itself.
        using var answered = await PostAsync(client, now, command, signatures[2]);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var response = JsonDocument.Parse(await answered.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, response.GetProperty("type").GetInt32());
        Assert.Equal(64, response.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(OpenApi.Validate("POST", "/interactions/1/t/callback", response.GetRawText()));
    }
}
