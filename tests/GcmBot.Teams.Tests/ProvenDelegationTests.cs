namespace GcmBot.Teams.Tests;

/// <summary>
/// Proven delegations on Teams: an uninvited <c>register</c> waits for approval, the organiser gets a card with
/// Approve / Decline in their personal chat, and pressing Approve lets the person act for the delegation.
/// </summary>
public sealed class ProvenDelegationTests
{
    private const string Bruno = "29:bruno";

    [Fact]
    public async Task Register_Uninvited_WaitsUntilTheOrganiserApprovesWithTheCardButton()
    {
        await using var chat = await TeamsChat.StartAsync();
        await MessagesTests.OpenRoomAAsync(chat);

        var asked = await chat.SayAsync(Bruno, "Bruno Delegate", "register Portugal");
        var refused = await chat.SayAsync(Bruno, "Bruno Delegate", "speak");

        Assert.Equal(FakeConnector.PersonalConversation(Bruno), asked.Conversation);
        Assert.Contains("waiting for approval by the organisers", asked.AllText, StringComparison.Ordinal);
        Assert.Contains("request to join Portugal is still waiting for approval", refused.AllText, StringComparison.Ordinal);

        var organiserChat = FakeConnector.PersonalConversation(TeamsChat.OrganiserId);
        var told = await chat.Connector.WaitForAsync(c => c.Conversation == organiserChat && c.AllText.Contains("asks to join", StringComparison.Ordinal), "the organiser's card");
        Assert.Contains("Bruno Delegate", told.AllText, StringComparison.Ordinal);
        Assert.Null(told.ReplyTo);
        await Schemas.AssertValidAsync(told.Body);

        var approved = await chat.SubmitAsync(TeamsChat.OrganiserId, "Secretariat", TeamsChat.ActionData(told, "Approve"), organiserChat);

        Assert.Contains("Bruno Delegate now speaks for Portugal", approved.AllText, StringComparison.Ordinal);
        await chat.Connector.WaitForAsync(c => c.Conversation == FakeConnector.PersonalConversation(Bruno) && c.AllText.Contains("join Portugal was approved", StringComparison.Ordinal), "Bruno told");
        Assert.Contains("**Portugal** asked for the floor", (await chat.SayAsync(Bruno, "Bruno Delegate", "speak")).AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.Connector.All, c => c.Conversation == Activities.ChannelConversation
            && (c.AllText.Contains("asks to join", StringComparison.Ordinal) || c.AllText.Contains("was approved", StringComparison.Ordinal)));
    }
}
