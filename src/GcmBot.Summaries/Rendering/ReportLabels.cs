using System.Globalization;
using GcmBot.Core.Localisation;

namespace GcmBot.Summaries.Rendering;

/// <summary>
/// The reporting template's fixed text in the report's language (the <c>Staff.Report.</c> texts): both renderers
/// write it, and <see cref="MarkdownReport.Parse"/> reads the rapporteur's edit back by it.
/// </summary>
/// <param name="Columns">A recommendation's three parts: recommendation, means of implementation, partnerships.</param>
/// <param name="Header">The header's rows: action group, date and time, room, moderator, rapporteur.</param>
/// <param name="LabelFormat">A label followed by the language's colon (“{0}:”, “{0} :”).</param>
internal sealed record ReportLabels(
    string Title,
    string Summary,
    string Recommendation,
    string Observations,
    IReadOnlyList<string> Columns,
    string Sources,
    string Nothing,
    IReadOnlyList<string> Header,
    string LabelFormat)
{
    /// <summary>The heading of recommendation <paramref name="number"/>.</summary>
    public string RecommendationNumber(int number) => $"{Recommendation} {number}";

    /// <summary>A field's label with the language's colon (“Partnerships:”, “Partenariats :”).</summary>
    public string Label(string label) => string.Format(CultureInfo.InvariantCulture, LabelFormat, label);

    public static ReportLabels For(Language language)
    {
        var texts = Texts.For(language);
        string T(string key) => texts.Format($"Staff.Report.{key}");
        return new ReportLabels(
            T("Title"),
            T("Summary"),
            T("Recommendation"),
            T("Observations"),
            [T("Column.Recommendation"), T("Column.Means"), T("Column.Partnerships")],
            T("Sources"),
            T("Nothing"),
            [T("Header.ActionGroup"), T("Header.DateAndTime"), T("Header.Room"), T("Header.Moderator"), T("Header.Rapporteur")],
            texts[$"Staff.Report.Label"].Value);
    }
}
