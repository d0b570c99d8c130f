using System.Globalization;
using CsvHelper.Configuration;

namespace GcmBot.Core.Replies;

/// <summary>The one CSV configuration for files people open in a spreadsheet.</summary>
internal static class SpreadsheetCsv
{
    /// <summary>
    /// A cell a participant typed that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return
    /// would run as a formula; CsvHelper prefixes it with <c>'</c> so it is shown as the text it is.
    /// </summary>
    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };
}
