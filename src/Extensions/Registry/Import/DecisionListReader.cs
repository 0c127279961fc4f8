using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Spcncl.Localization;

namespace Spcncl.Registry.Import;

/// <summary>
/// Reads a year's decision list from CSV (UTF-8, comma or semicolon) or XLSX (first sheet) into rows of raw values
/// keyed by column. Headers may be Vietnamese or English, with or without accents; see <see cref="Columns"/>. The
/// header row is found among the first rows, so a title above it (as on the Department's printed lists) is skipped.
/// </summary>
public static class DecisionListReader
{
    /// <summary>Each column and the headers accepted for it (compared with accents folded, case and punctuation ignored).</summary>
    public static readonly IReadOnlyList<DecisionColumn> Columns =
    [
        new(DecisionField.Year, "year", "Năm", true, ["year", "nam", "nam cong nhan"]),
        new(DecisionField.DecisionNumber, "decision_number", "Số quyết định", true, ["decision number", "decision no", "so quyet dinh", "quyet dinh so"]),
        new(DecisionField.DecisionDate, "decision_date", "Ngày quyết định", true, ["decision date", "ngay quyet dinh"]),
        new(DecisionField.CertificateNumber, "certificate_number", "Số chứng nhận", true, ["certificate number", "certificate no", "certificate", "so chung nhan", "so giay chung nhan"]),
        new(DecisionField.Top10, "top10", "Top 10", false, ["top 10", "top10"]),
        new(DecisionField.Sector, "sector", "Nhóm ngành", true, ["sector", "nhom nganh", "nganh"]),
        new(DecisionField.TaxCode, "tax_code", "Mã số thuế", true, ["tax code", "ma so thue", "mst"]),
        new(DecisionField.EnterpriseNameVi, "enterprise_name_vi", "Tên doanh nghiệp", true, ["enterprise name", "enterprise name vi", "enterprise", "ten doanh nghiep"]),
        new(DecisionField.EnterpriseNameEn, "enterprise_name_en", "Tên doanh nghiệp (tiếng Anh)", false, ["enterprise name en", "enterprise name english", "ten doanh nghiep tieng anh", "ten tieng anh cua doanh nghiep"]),
        new(DecisionField.ProductNameVi, "product_name_vi", "Tên sản phẩm", true, ["product name", "product name vi", "product", "ten san pham"]),
        new(DecisionField.ProductNameEn, "product_name_en", "Tên sản phẩm (tiếng Anh)", false, ["product name en", "product name english", "ten san pham tieng anh", "ten tieng anh cua san pham"]),
        new(DecisionField.ValidUntil, "valid_until", "Hiệu lực đến", false, ["valid until", "hieu luc den", "co gia tri den"]),
        new(DecisionField.CouncilDate, "council_date", "Ngày chấm điểm", false, ["council date", "ngay cham diem", "ngay hoi dong"]),
        new(DecisionField.CeremonyDate, "ceremony_date", "Ngày tôn vinh", false, ["ceremony date", "ngay ton vinh", "ngay le ton vinh"]),
    ];

    /// <summary>How far down a sheet the header row may be (below a title, a subtitle and blank rows).</summary>
    public const int HeaderSearchRows = 10;

    public static DecisionList Read(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" or ".txt" => ReadCsv(content),
                ".xlsx" => ReadXlsx(content),
                _ => DecisionList.Failed(ImportReason.UnsupportedExtension(extension)),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or FileFormatException or CsvHelperException or IOException)
        {
            return DecisionList.Failed(ImportReason.Unreadable(extension.TrimStart('.').ToUpperInvariant(), ex.Message));
        }
    }

    /// <summary>A header as compared: accents folded, lower case, only letters and digits separated by single spaces.</summary>
    public static string NormaliseHeader(string header)
    {
        var folded = VietnameseText.FoldAccents(header).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            builder.Append(char.IsAsciiLetterOrDigit(ch) ? ch : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static DecisionList ReadCsv(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + bytes.Take(ex.Index).Count(b => b == (byte)'\n');
            return DecisionList.Failed(ImportReason.NotUtf8(line));
        }

        text = text.TrimStart('\uFEFF');

        // The header has a dozen separators; a title line above it may have none, and names may hold commas.
        var lines = text.Split('\n', HeaderSearchRows + 1).Take(HeaderSearchRows).ToList();
        var delimiter = lines.Max(l => l.Count(c => c == ';')) > lines.Max(l => l.Count(c => c == ',')) ? ";" : ",";
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        });

        var rows = new List<RawRow>();
        while (csv.Read())
        {
            var record = csv.Parser.Record ?? [];
            if (!record.All(string.IsNullOrWhiteSpace))
            {
                rows.Add(new RawRow(csv.Parser.Row, record, Numeric: null));
            }
        }

        return rows.Count == 0 ? DecisionList.Failed(ImportReason.EmptyFile) : Map(rows, dateSerials: false);
    }

    private static DecisionList ReadXlsx(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        using var document = SpreadsheetDocument.Open(buffer, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no sheets");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("the workbook has no sheets");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];

        var grid = new List<(int Row, Dictionary<int, (string Value, bool Numeric)> Cells)>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new Dictionary<int, (string, bool)>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value);
                var type = cell.DataType?.Value;
                var value = type switch
                {
                    var t when t == CellValues.SharedString => int.TryParse(cell.CellValue?.Text, out var i) && i < shared.Count ? shared[i] : "",
                    var t when t == CellValues.InlineString => cell.InlineString?.InnerText ?? "",
                    var t when t == CellValues.Boolean => cell.CellValue?.Text == "1" ? "true" : "false",
                    _ => cell.CellValue?.Text ?? "",
                };

                // A cell without a type (or typed Number) holds a number: Excel turned what was typed into one.
                cells[column] = (value.Trim(), type is null || type == CellValues.Number);
            }

            if (cells.Values.Any(v => v.Item1.Length > 0))
            {
                grid.Add(((int)(row.RowIndex?.Value ?? (uint)(grid.Count + 1)), cells));
            }
        }

        if (grid.Count == 0)
        {
            return DecisionList.Failed(ImportReason.EmptySheet);
        }

        var width = grid.Max(g => g.Cells.Count == 0 ? 0 : g.Cells.Keys.Max() + 1);
        return Map(
            [.. grid.Select(g => new RawRow(
                g.Row,
                [.. Enumerable.Range(0, width).Select(i => g.Cells.TryGetValue(i, out var c) ? c.Value : null)],
                [.. Enumerable.Range(0, width).Select(i => g.Cells.TryGetValue(i, out var c) && c.Numeric)]))],
            dateSerials: true);
    }

    /// <summary>The row among the first few that names the most known columns (the first such row on a tie).</summary>
    private static int HeaderRow(List<RawRow> rows)
    {
        var best = 0;
        var bestScore = 0;
        for (var r = 0; r < Math.Min(HeaderSearchRows, rows.Count); r++)
        {
            var score = rows[r].Cells.Select(h => NormaliseHeader(h ?? "")).Select(h => Columns.FirstOrDefault(c => c.Aliases.Contains(h))?.Field).OfType<DecisionField>().Distinct().Count();
            if (score > bestScore)
            {
                (best, bestScore) = (r, score);
            }
        }

        return best;
    }

    private static DecisionList Map(List<RawRow> grid, bool dateSerials)
    {
        var headerRow = HeaderRow(grid);
        var headers = grid[headerRow].Cells.Select(h => h ?? "").ToArray();
        var rows = grid.Skip(headerRow + 1).ToList();
        var positions = new Dictionary<DecisionField, int>();
        var headerNames = new Dictionary<DecisionField, string>();
        var unknown = new List<string>();
        for (var i = 0; i < headers.Length; i++)
        {
            var normalised = NormaliseHeader(headers[i]);
            if (normalised.Length == 0)
            {
                continue;
            }

            var column = Columns.FirstOrDefault(c => c.Aliases.Contains(normalised));
            if (column is null)
            {
                unknown.Add(headers[i]);
                continue;
            }

            if (!positions.TryAdd(column.Field, i))
            {
                return DecisionList.Failed(ImportReason.DuplicateColumn(headers[positions[column.Field]], headers[i], column));
            }

            headerNames[column.Field] = headers[i];
        }

        var missing = Columns.Where(c => c.Required && !positions.ContainsKey(c.Field)).ToList();
        if (missing.Count > 0)
        {
            return DecisionList.Failed(ImportReason.MissingColumns(missing, unknown));
        }

        var result = new List<DecisionRow>(rows.Count);
        foreach (var row in rows)
        {
            var values = positions.ToDictionary(p => p.Key, p => p.Value < row.Cells.Length ? row.Cells[p.Value]?.Trim() ?? "" : "");
            if (positions.TryGetValue(DecisionField.TaxCode, out var taxColumn) && row.Numeric is { } numeric && taxColumn < numeric.Length && numeric[taxColumn])
            {
                values[DecisionField.TaxCode] = TaxCodeFromNumber(values[DecisionField.TaxCode]);
            }

            result.Add(new DecisionRow(row.Number, values));
        }

        return new DecisionList(result, headerNames, dateSerials, null);
    }

    /// <summary>
    /// A tax code Excel stored as a number has lost its leading zero (0101234567 became 101234567): put it back. Tax
    /// codes are ten digits; anything else is left for the importer to report as it is.
    /// </summary>
    private static string TaxCodeFromNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0 && number < 1e10 && number == Math.Floor(number)
            ? ((long)number).ToString("D10", CultureInfo.InvariantCulture)
            : value;

    private static int ColumnIndex(string? reference)
    {
        var index = 0;
        foreach (var ch in reference ?? "A")
        {
            if (!char.IsAsciiLetterUpper(ch))
            {
                break;
            }

            index = index * 26 + (ch - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }
}

public enum DecisionField
{
    Year,
    DecisionNumber,
    DecisionDate,
    CertificateNumber,
    Top10,
    Sector,
    TaxCode,
    EnterpriseNameVi,
    EnterpriseNameEn,
    ProductNameVi,
    ProductNameEn,
    ValidUntil,
    CouncilDate,
    CeremonyDate,
}

public sealed record DecisionColumn(DecisionField Field, string English, string Vietnamese, bool Required, IReadOnlyList<string> Aliases);

/// <summary>One data row: its row number as the file or sheet numbers it (counting the header and any title rows) and its raw values.</summary>
public sealed record DecisionRow(int Row, IReadOnlyDictionary<DecisionField, string> Values)
{
    public string this[DecisionField field] => Values.GetValueOrDefault(field) ?? "";
}

/// <summary>The rows of a file, the header each column had (for error messages), or why the file could not be read.</summary>
public sealed record DecisionList(IReadOnlyList<DecisionRow> Rows, IReadOnlyDictionary<DecisionField, string> Headers, bool DateSerials, ImportReason? Error)
{
    public static DecisionList Failed(ImportReason error) => new([], new Dictionary<DecisionField, string>(), false, error);

    public string HeaderOf(DecisionField field) =>
        Headers.GetValueOrDefault(field) ?? DecisionListReader.Columns.First(c => c.Field == field).English;
}

/// <summary>A non-empty row as read, before the header is known; <paramref name="Numeric"/> says which XLSX cells held numbers.</summary>
internal sealed record RawRow(int Number, string?[] Cells, bool[]? Numeric);
