using System.Text.Json;

namespace GcmBot.Teams.Tests;

/// <summary>The validators themselves must reject what the schemas forbid, or the other tests prove nothing.</summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task AssertValidCard_UnknownElementType_Fails()
    {
        using var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"}]}""");

        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Schemas.AssertValidCardAsync(card.RootElement));
    }

    [Fact]
    public async Task AssertValid_ActivityWithNumericText_Fails()
    {
        using var activity = JsonDocument.Parse("""{"type":"message","text":42,"from":{"id":"x"}}""");

        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Schemas.AssertValidAsync(activity.RootElement));
    }

    [Fact]
    public async Task AssertValidCard_MinimalCard_Passes()
    {
        using var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","wrap":true}],"actions":[{"type":"Action.Submit","title":"Go","data":{"a":"b"}}]}""");

        await Schemas.AssertValidCardAsync(card.RootElement);
    }
}
