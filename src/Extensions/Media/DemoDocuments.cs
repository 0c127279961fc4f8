using System.IO.Compression;
using System.Reflection;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Spcncl.Media;

/// <summary>
/// Draws the demo documents and forms (an invitation form, a plan, a leaflet) as PDF with PDFsharp and as DOCX with the
/// Open XML SDK, from a few lines of text in <c>uSync/Media</c>, so no unexplained binaries are committed. The PDFs
/// embed Be Vietnam Pro (SIL OFL, in Media/Fonts), which has every Vietnamese letter. The same recipe gives the same
/// bytes every time.
/// </summary>
/// <remarks>
/// The text is a small markup, one block per line: <c># </c> a heading, <c>- </c> a bullet, <c>? </c> a form field
/// (its label, then a dotted line to fill in), an empty line between paragraphs, anything else a paragraph.
/// </remarks>
public static class DemoDocuments
{
    /// <summary>When every demo document says it was made (fixed, so that the same recipe gives the same bytes).</summary>
    private static readonly DateTime Made = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static byte[] Pdf(DemoDocumentRecipe recipe)
    {
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = recipe.Title;
        document.Info.Author = recipe.Issuer;
        document.Info.Creator = "SPCNCL";
        document.Info.CreationDate = Made;
        document.Info.ModificationDate = Made;
        document.Language = recipe.Culture;

        var writer = new PdfWriter(document);
        writer.Paragraph(recipe.Issuer.ToUpperInvariant(), writer.Small);
        writer.Space(18);
        writer.Paragraph(recipe.Title, writer.Title);
        writer.Space(10);
        foreach (var block in Blocks(recipe.Text))
        {
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    writer.Space(8);
                    writer.Paragraph(block.Text, writer.Heading);
                    break;
                case BlockKind.Bullet:
                    writer.Paragraph(block.Text, writer.Body, indent: 14, marker: "•");
                    break;
                case BlockKind.Field:
                    writer.Field(block.Text);
                    break;
                default:
                    writer.Paragraph(block.Text, writer.Body);
                    break;
            }
        }

        writer.Close();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    public static byte[] Docx(DemoDocumentRecipe recipe)
    {
        using var output = new MemoryStream();
        using (var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(recipe.Issuer.ToUpperInvariant(), bold: true, size: 20));
            body.Append(Paragraph(recipe.Title, bold: true, size: 32, spaceBefore: 240));
            foreach (var block in Blocks(recipe.Text))
            {
                body.Append(block.Kind switch
                {
                    BlockKind.Heading => Paragraph(block.Text, bold: true, size: 26, spaceBefore: 200),
                    BlockKind.Bullet => Paragraph("•\t" + block.Text, indent: 360),
                    BlockKind.Field => Paragraph(block.Text + ": " + new string('.', Math.Max(8, 70 - block.Text.Length))),
                    _ => Paragraph(block.Text),
                });
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1418, Right = 1134 }));
            main.Document = new Document(body);
            main.Document.Save();
            word.PackageProperties.Title = recipe.Title;
            word.PackageProperties.Creator = recipe.Issuer;
            word.PackageProperties.Language = recipe.Culture;
            word.PackageProperties.Created = Made;
            word.PackageProperties.Modified = Made;
        }

        return WithFixedTimes(output.ToArray());
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 22, int spaceBefore = 0, int indent = 0)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProperties.PrependChild(new Bold());
        }

        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), After = "120" });
        if (indent > 0)
        {
            properties.Append(new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "240" });
        }

        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A ZIP's entries carry the time they were written: set them all to one moment, so the file is the same every time.</summary>
    private static byte[] WithFixedTimes(byte[] zip)
    {
        using var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    private static IEnumerable<Block> Blocks(string text)
    {
        var paragraph = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            Block? block = line switch
            {
                "" => null,
                _ when line.StartsWith("# ", StringComparison.Ordinal) => new Block(BlockKind.Heading, line[2..].Trim()),
                _ when line.StartsWith("- ", StringComparison.Ordinal) => new Block(BlockKind.Bullet, line[2..].Trim()),
                _ when line.StartsWith("? ", StringComparison.Ordinal) => new Block(BlockKind.Field, line[2..].Trim()),
                _ => new Block(BlockKind.Text, line),
            };
            if (block is { Kind: BlockKind.Text })
            {
                paragraph.Add(line);
                continue;
            }

            if (paragraph.Count > 0)
            {
                yield return new Block(BlockKind.Text, string.Join(' ', paragraph));
                paragraph.Clear();
            }

            if (block is not null)
            {
                yield return block;
            }
        }

        if (paragraph.Count > 0)
        {
            yield return new Block(BlockKind.Text, string.Join(' ', paragraph));
        }
    }

    private enum BlockKind
    {
        Text,
        Heading,
        Bullet,
        Field,
    }

    private sealed record Block(BlockKind Kind, string Text);

    /// <summary>Lays text out on A4 pages, top to bottom, wrapping words and starting a new page when one is full.</summary>
    private sealed class PdfWriter
    {
        private const double Margin = 56;
        private const double Width = 595 - (2 * Margin);
        private const double Bottom = 842 - Margin;
        private readonly PdfDocument _document;
        private XGraphics? _graphics;
        private double _y;

        public PdfWriter(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public XFont Title { get; } = new(EmbeddedFonts.Family, 17, XFontStyleEx.Bold);

        public XFont Heading { get; } = new(EmbeddedFonts.Family, 12.5, XFontStyleEx.Bold);

        public XFont Body { get; } = new(EmbeddedFonts.Family, 10.5, XFontStyleEx.Regular);

        public XFont Small { get; } = new(EmbeddedFonts.Family, 9, XFontStyleEx.Bold);

        private XGraphics Graphics => _graphics!;

        public void Space(double points) => _y += points;

        public void Paragraph(string text, XFont font, double indent = 0, string? marker = null)
        {
            var lineHeight = font.Size * 1.45;
            var lines = Wrap(text, font, Width - indent);
            for (var i = 0; i < lines.Count; i++)
            {
                if (_y + lineHeight > Bottom)
                {
                    NewPage();
                }

                if (i == 0 && marker is not null)
                {
                    Graphics.DrawString(marker, font, XBrushes.Black, new XPoint(Margin + indent - 10, _y + font.Size));
                }

                Graphics.DrawString(lines[i], font, XBrushes.Black, new XPoint(Margin + indent, _y + font.Size));
                _y += lineHeight;
            }

            _y += font.Size * 0.5;
        }

        /// <summary>A label and a dotted line to the right margin, with room to write by hand.</summary>
        public void Field(string label)
        {
            var height = Body.Size * 2.4;
            if (_y + height > Bottom)
            {
                NewPage();
            }

            var baseline = _y + (Body.Size * 1.6);
            var text = label + ":";
            Graphics.DrawString(text, Body, XBrushes.Black, new XPoint(Margin, baseline));
            var start = Margin + Graphics.MeasureString(text + " ", Body).Width;
            var pen = new XPen(XColors.Gray, 0.6) { DashStyle = XDashStyle.Dot };
            Graphics.DrawLine(pen, start, baseline + 2, Margin + Width, baseline + 2);
            _y += height;
        }

        public void Close() => _graphics?.Dispose();

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(595);
            page.Height = XUnit.FromPoint(842);
            _graphics = XGraphics.FromPdfPage(page);
            _y = Margin;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            return lines;
        }
    }

    /// <summary>Gives PDFsharp the font it needs from this assembly's resources (no system fonts on a server).</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public const string Family = "Be Vietnam Pro";

        private static readonly System.Threading.Lock Gate = new();
        private static bool _installed;

        public static void Install()
        {
            lock (Gate)
            {
                if (!_installed)
                {
                    GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
                    _installed = true;
                }
            }
        }

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "BeVietnamPro-Bold" : "BeVietnamPro-Regular", false, italic);

        public byte[]? GetFont(string faceName)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Spcncl.Media.Fonts.{faceName}.ttf");
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}

/// <param name="Format">pdf or docx.</param>
/// <param name="Culture">The language of the text (the PDF's and DOCX's language tag).</param>
/// <param name="Issuer">Who issues it, printed at the top (the Department).</param>
public sealed record DemoDocumentRecipe(string Format, string Culture, string Issuer, string Title, string Text);
