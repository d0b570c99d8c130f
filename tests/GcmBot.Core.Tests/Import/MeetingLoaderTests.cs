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

    [Fact]
    public async Task ReadAsync_EmailMembers_AcceptedWithOrWithoutPrefixBesideChannelIds()
    {
        var file = await ReadAsync("""{"name":"Mexico","category":"memberState","members":["ana@example.org"," email:Bruno.Diaz+gcm@mail.example.org ","discord:112233","Ana@Example.org"]}""");

        var mexico = file.Delegations.Single();
        Assert.Equal(["ana@example.org", "Bruno.Diaz+gcm@mail.example.org"], mexico.Emails);
        Assert.Equal([("discord", "112233")], mexico.MemberIds);
    }

    [Theory]
    [InlineData("ana@")]
    [InlineData("email:ana")]
    [InlineData("ana@example")]
    [InlineData("ana smith@example.org")]
    [InlineData("Ana <ana@example.org>")]
    [InlineData("email:")]
    public async Task ReadAsync_MalformedEmail_RefusedNamingDelegationAndEntry(string member)
    {
        var refused = await Assert.ThrowsAsync<FormatException>(() => ReadAsync($$"""{"name":"Mexico","category":"memberState","members":["{{member}}"]}"""));

        Assert.StartsWith($"Delegation Mexico: member '{member}' is not an e-mail address", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SameAddressForTwoDelegations_Refused()
    {
        var refused = await Assert.ThrowsAsync<FormatException>(() => ReadAsync(
            """{"name":"Mexico","category":"memberState","members":["ana@example.org"]},{"name":"Chile","category":"memberState","members":["email:ANA@example.org"]}"""));

        Assert.StartsWith("The address ana@example.org is listed for Mexico and Chile", refused.Message, StringComparison.Ordinal);
    }

    private static Task<MeetingFile> ReadAsync(string delegations)
    {
        var json = $$"""
            {"title":"T","venue":"V","timeZone":"America/Mexico_City",
             "sessions":[{"code":"P1","title":"Plenary","kind":"ceremony","date":"2017-12-04","start":"10:00","end":"11:00","room":"Plenary hall"}],
             "delegations":[{{delegations}}]}
            """;
        return MeetingLoader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);
    }
}
