using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GcmBot.Core.Drafting;

namespace GcmBot.Summaries.Rendering;

/// <summary>
/// The report as a Word document in the layout of the reporting template (Annex 2): a header table,
/// the summary of discussions as full-width body text (a table cell beside its label made it a narrow
/// column), one three-column table per recommendation for an actionable commitment, then any other
/// observations. The template's fixed text is in the report's language (<see cref="ReportLabels"/>).
/// </summary>
internal static class DocxReport
{
    public static byte[] Render(Report report, ReportLabels labels)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraph(labels.Title, bold: true, size: 32));
            var h = report.Header;
            // A narrow label column leaves the values room.
            var header = Table(2600, 7038);
            foreach (var (label, value) in labels.Header.Zip([h.ActionGroup, h.DateAndTime, h.Room, h.Moderator, h.Rapporteur]))
            {
                header.Append(Row(Cell(label, bold: true), Cell(value)));
            }

            body.Append(header);
            body.Append(Paragraph(labels.Summary, bold: true, size: 24));
            body.Append(Paragraph(report.Summary.Count == 0 ? labels.Nothing : string.Join(' ', report.Summary.Select(s => s.Text)), bold: false, size: 22));

            for (var i = 0; i < report.Recommendations.Count; i++)
            {
                var r = report.Recommendations[i];
                body.Append(Paragraph(labels.RecommendationNumber(i + 1), bold: true, size: 24));
                var table = Table(3212, 3213, 3213);
                table.Append(Row([.. labels.Columns.Select(c => Cell(c, bold: true))]));
                table.Append(Row(Cell(r.Recommendation), Cell(r.Means), Cell(r.Partnerships)));
                body.Append(table);
                body.Append(Paragraph($"{labels.Label(labels.Sources)} {string.Join(", ", r.Sources)}", bold: false, size: 16));
            }

            body.Append(Paragraph(labels.Observations, bold: true, size: 24));
            if (report.Observations.Count == 0)
            {
                body.Append(Paragraph(labels.Nothing, bold: false, size: 22));
            }

            foreach (var observation in report.Observations)
            {
                body.Append(Paragraph(observation.Text, bold: false, size: 22));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <param name="widths">Column widths in twentieths of a point; together the 9,638 between the margins.</param>
    private static Table Table(params int[] widths)
    {
        var border = new BorderType[] { new TopBorder(), new BottomBorder(), new LeftBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        foreach (var b in border)
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
        }

        var grid = new TableGrid();
        foreach (var width in widths)
        {
            grid.Append(new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(border.Select(b => (OpenXmlElement)b))),
            grid);
    }

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text, bool bold = false) => new(Paragraph(text, bold, size: 22));

    private static Paragraph Paragraph(string text, bool bold, int size)
    {
        var properties = new RunProperties(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.PrependChild(new Bold());
        }

        var run = new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        // Headings get space above them, so that each part of the template stands apart.
        return bold && size >= 24
            ? new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "60" }), run)
            : new Paragraph(run);
    }
}
