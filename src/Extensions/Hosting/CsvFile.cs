using System.Text;

namespace Spcncl.Hosting;

/// <summary>
/// CSV as the site writes it for people who open it in a spreadsheet (open data, inbox exports): RFC 4180 quoting,
/// CRLF line ends, UTF-8 with a byte-order mark so Excel reads Vietnamese correctly, and no cell that a spreadsheet
/// would run as a formula.
/// </summary>
public static class CsvFile
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', header.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a cell as a formula.</summary>
    public static string Quote(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
