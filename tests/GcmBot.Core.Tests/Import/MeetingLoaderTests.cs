using System.Text;
using System.Text.Json.Nodes;
using GcmBot.Core.Import;

namespace GcmBot.Core.Tests.Import;

public sealed class MeetingLoaderTests
{
    [Theory]
    [InlineData("delegations", "name", "Mex\u0000ico")]
    [InlineData("sessions", "room", "Room\tA")]
    public async Task ReadAsync_NameWithControlCharacter_RefusedBeforeAnythingIsStored(string list, string property, string value)
    {
        var meeting = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "sample-meeting.json")))!;
        meeting[list]![0]![property] = value;
        await using var json = new MemoryStream(Encoding.UTF8.GetBytes(meeting.ToJsonString()));

        var refused = await Assert.ThrowsAsync<FormatException>(() => MeetingLoader.ReadAsync(json, CancellationToken.None));

        Assert.StartsWith("A name in the meeting file contains a control character (U+00", refused.Message, StringComparison.Ordinal);
    }
}
