namespace GcmBot.Discord.Gateway;

/// <summary>Gateway opcodes (Discord docs, "Opcodes and Status Codes").</summary>
internal enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
