namespace GcmBot.Discord.Wire;

/// <summary>A modal row (with <c>components</c>), a label (with <c>component</c>) or a text input (<c>custom_id</c>, <c>value</c>).</summary>
internal sealed record SubmittedComponent(int Type, string? CustomId, string? Value, IReadOnlyList<SubmittedComponent>? Components, SubmittedComponent? Component)
{
    public IEnumerable<SubmittedComponent> Inputs()
    {
        if (CustomId is not null && Value is not null)
        {
            yield return this;
        }

        foreach (var child in (Components ?? []).Concat(Component is null ? [] : [Component]))
        {
            foreach (var input in child.Inputs())
            {
                yield return input;
            }
        }
    }
}
