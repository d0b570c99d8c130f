namespace GcmBot.Teams.Wire;

/// <summary>The body answering an <c>adaptiveCard/action</c> invoke: a short message the client shows.</summary>
internal sealed record InvokeResponse(int StatusCode, string Type, string Value)
{
    public static InvokeResponse Message(string text) => new(200, "application/vnd.microsoft.activity.message", text);
}
