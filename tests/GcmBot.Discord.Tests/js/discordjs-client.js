// A real Discord client (discord.js) pointed at the fake Discord: proves the fake speaks the protocol.
// env FAKE_DISCORD_API: http://127.0.0.1:PORT/api ; prints one JSON line per event it sees.
const { Client, Events, GatewayIntentBits } = require('discord.js');

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
  rest: { api: process.env.FAKE_DISCORD_API },
});
const say = (event) => process.stdout.write(JSON.stringify(event) + '\n');

client.once(Events.ClientReady, (ready) => say({ event: 'ready', user: ready.user.id, guilds: ready.guilds.cache.size }));
client.on(Events.MessageCreate, async (message) => {
  say({ event: 'message', id: message.id, channel: message.channelId, author: message.author.id, content: message.content });
  await client.destroy();
  process.exit(0);
});
client.on(Events.Error, (error) => say({ event: 'error', message: String(error) }));

setTimeout(() => { say({ event: 'timeout' }); process.exit(2); }, 60000).unref();
client.login(process.env.FAKE_DISCORD_TOKEN);
