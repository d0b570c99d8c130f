using System.Text.Json;
using GcmBot.Discord.Tests.Fakes;

namespace GcmBot.Discord.Tests;

/// <summary>
/// discord.js (npm), a real Discord client, against the fake Discord: it must reach READY and receive a
/// MESSAGE_CREATE, which shows the fake speaks the protocol that real clients (and so real Discord) speak.
/// </summary>
public sealed class DiscordJsTests
{
    [Fact]
    public async Task FakeDiscord_DiscordJsClient_ReachesReadyAndReceivesMessage()
    {
        await using var fake = await FakeDiscord.StartAsync(TimeProvider.System);
        fake.Guilds.Add(new
        {
            id = FakeDiscord.GuildId,
            name = "GCM stocktaking",
            owner_id = "800000000000000001",
            unavailable = false,
            member_count = 2,
            features = Array.Empty<string>(),
            roles = new[] { new { id = FakeDiscord.GuildId, name = "@everyone", permissions = "1024", position = 0, color = 0, hoist = false, managed = false, mentionable = false } },
            channels = new[] { new { id = DiscordUsers.Channel, type = 0, name = "action-group-1", position = 0, permission_overwrites = Array.Empty<object>() } },
            threads = Array.Empty<object>(),
            members = Array.Empty<object>(),
            presences = Array.Empty<object>(),
            voice_states = Array.Empty<object>(),
            emojis = Array.Empty<object>(),
            stickers = Array.Empty<object>(),
        });

        using var client = Node.Start("discordjs-client.js", new Dictionary<string, string>
        {
            ["FAKE_DISCORD_API"] = new Uri(fake.BaseAddress, "api").ToString(),
            ["FAKE_DISCORD_TOKEN"] = GatewayRig.Token,
        });
        var lines = new Recorder<JsonElement>();
        client.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lines.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        };
        client.BeginOutputReadLine();
        try
        {
            var connection = await fake.ConnectionAsync(1);
            var identify = await connection.WaitForAsync(2);
            Assert.Equal(GatewayRig.Token, identify.D.GetProperty("token").GetString());

            var ready = await lines.WaitOneAsync(l => l.GetProperty("event").GetString() == "ready", "discord.js ready");
            Assert.Equal(FakeDiscord.BotUserId, ready.GetProperty("user").GetString());
            Assert.Equal(1, ready.GetProperty("guilds").GetInt32());

            await connection.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(("800000000000000101", "Delegate of Mexico", false), "1300000000000000001", "Mexico asks for the floor"));
            var message = await lines.WaitOneAsync(l => l.GetProperty("event").GetString() == "message", "discord.js message");
            Assert.Equal("Mexico asks for the floor", message.GetProperty("content").GetString());
            Assert.Equal(DiscordUsers.Channel, message.GetProperty("channel").GetString());
            Assert.Equal("GET", fake.Requests.Items[0].Method);
            Assert.Equal("/gateway/bot", fake.Requests.Items[0].Path);
        }
        finally
        {
            if (!client.HasExited)
            {
                client.Kill();
            }
        }
    }
}
