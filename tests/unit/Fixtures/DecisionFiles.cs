using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Spcncl.Tests.Fixtures;

/// <summary>
/// Decision lists written in the test, as a registry clerk's spreadsheet would be: CSV in any encoding and delimiter,
/// or XLSX with shared strings and numeric cells (Excel's own way of storing them).
/// </summary>
public static class DecisionFiles
{
    public static readonly string[] EnglishHeaders =
        ["year", "decision_number", "decision_date", "certificate_number", "top10", "sector", "tax_code", "enterprise_name_vi", "enterprise_name_en", "product_name_vi", "product_name_en"];

    /// <summary>The headers of the Department's own template (the seed files in uSync/Registry use them).</summary>
    public static readonly string[] VietnameseHeaders =
        ["Năm", "Số quyết định", "Ngày quyết định", "Số chứng nhận", "Top 10", "Nhóm ngành", "Mã số thuế", "Tên doanh nghiệp", "Tên doanh nghiệp (tiếng Anh)", "Tên sản phẩm", "Tên sản phẩm (tiếng Anh)"];

    public static byte[] Csv(IEnumerable<IReadOnlyList<string>> rows, Encoding? encoding = null, char delimiter = ',', bool byteOrderMark = false)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(delimiter, row.Select(cell => Quote(cell, delimiter)))).Append("\r\n");
        }

        encoding ??= new UTF8Encoding(false);
        return [.. byteOrderMark ? encoding.GetPreamble() : [], .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>
    /// An XLSX workbook with one sheet. Strings go to the shared string table; numbers (int, long, double) are numeric
    /// cells, as when Excel turns a typed tax code into a number. Null leaves the cell out.
    /// </summary>
    public static byte[] Xlsx(IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);

            uint rowNumber = 0;
            foreach (var row in rows)
            {
                rowNumber++;
                var xmlRow = new Row { RowIndex = rowNumber };
                for (var column = 0; column < row.Count; column++)
                {
                    var reference = ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture);
                    switch (row[column])
                    {
                        case null:
                            break;
                        case string text:
                            if (!index.TryGetValue(text, out var position))
                            {
                                position = index.Count;
                                index[text] = position;
                                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                            }

                            xmlRow.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(position) });
                            break;
                        case int or long or double or decimal:
                            xmlRow.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(row[column], CultureInfo.InvariantCulture)!) });
                            break;
                        case bool flag:
                            xmlRow.AppendChild(new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") });
                            break;
                        default:
                            throw new ArgumentException($"cannot write a {row[column]!.GetType().Name} to a cell", nameof(rows));
                    }
                }

                data.AppendChild(xmlRow);
            }

            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Quyết định" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static string Quote(string cell, char delimiter) =>
        cell.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}

/// <summary>
/// One row of a decision list, valid unless a test changes a field: a product recognised in 2026 (the demo registry's
/// open cycle), by a sample enterprise with a tax code no seed enterprise has.
/// </summary>
public sealed record DecisionLine(
    string Year = "2026",
    string DecisionNumber = "5120/QĐ-UBND",
    string DecisionDate = "20/11/2026",
    string Certificate = "TEST-2026-001",
    string Top10 = "",
    string Sector = "mechanical",
    string TaxCode = "0109990001",
    string EnterpriseVi = "Công ty TNHH Cơ khí Thử Nghiệm",
    string EnterpriseEn = "Test Mechanical Company Limited",
    string ProductVi = "Máy cắt thử nghiệm TN-1",
    string ProductEn = "TN-1 test cutting machine")
{
    public string[] Cells => [Year, DecisionNumber, DecisionDate, Certificate, Top10, Sector, TaxCode, EnterpriseVi, EnterpriseEn, ProductVi, ProductEn];

    /// <summary>The <paramref name="n"/>th product of the same enterprise (certificate TEST-2026-00n).</summary>
    public static DecisionLine Product(int n, string? taxCode = null) => new()
    {
        Certificate = $"TEST-2026-{n:000}",
        TaxCode = taxCode ?? "0109990001",
        ProductVi = $"Máy cắt thử nghiệm TN-{n}",
        ProductEn = $"TN-{n} test cutting machine",
    };

    public static IEnumerable<IReadOnlyList<string>> Table(IEnumerable<DecisionLine> lines, string[]? headers = null) =>
        [headers ?? DecisionFiles.EnglishHeaders, .. lines.Select(l => l.Cells)];
}
