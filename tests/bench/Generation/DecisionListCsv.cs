using System.Globalization;
using System.Text;
using CsvHelper;
using Spcncl.Registry.Import;

namespace Spcncl.Bench.Generation;

/// <summary>
/// Writes award rows as a decision list in the columns <see cref="DecisionListReader"/> reads (its English headers).
/// Each year's decision number and date are the seed's, so an import adds awards to the existing cycles rather than
/// changing their decisions.
/// </summary>
public static class DecisionListCsv
{
    private static readonly DecisionField[] Fields =
    [
        DecisionField.Year, DecisionField.DecisionNumber, DecisionField.DecisionDate, DecisionField.CertificateNumber, DecisionField.Top10,
        DecisionField.Sector, DecisionField.TaxCode, DecisionField.EnterpriseNameVi, DecisionField.EnterpriseNameEn, DecisionField.ProductNameVi,
        DecisionField.ProductNameEn,
    ];

    /// <summary>Each year's recognition decision (number, date as written) from the seed's decision lists in <c>uSync/Registry</c>.</summary>
    public static IReadOnlyDictionary<int, (string Number, string Date)> SeedDecisions(string usyncFolder)
    {
        var decisions = new Dictionary<int, (string, string)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(usyncFolder, "Registry"), "*.csv"))
        {
            using var stream = File.OpenRead(file);
            var list = DecisionListReader.Read(stream, file);
            foreach (var row in list.Rows)
            {
                decisions.TryAdd(int.Parse(row[DecisionField.Year], CultureInfo.InvariantCulture), (row[DecisionField.DecisionNumber], row[DecisionField.DecisionDate]));
            }
        }

        return decisions;
    }

    /// <summary>UTF-8 without a byte-order mark, comma-separated, quoted where needed (product names hold commas).</summary>
    public static void Write(Stream stream, IEnumerable<AwardRow> rows, IReadOnlyDictionary<int, (string Number, string Date)> decisions)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var field in Fields)
        {
            csv.WriteField(DecisionListReader.Columns.First(c => c.Field == field).English);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            var (number, date) = decisions.TryGetValue(row.Year, out var decision)
                ? decision
                : throw new InvalidOperationException($"The seed has no decision for {row.Year}.");
            csv.WriteField(row.Year.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(number);
            csv.WriteField(date);
            csv.WriteField(row.Certificate);
            csv.WriteField("no"); // the seed already names the ten a year there can be
            csv.WriteField(row.SectorCode);
            csv.WriteField(row.Enterprise.TaxCode);
            csv.WriteField(row.Enterprise.Name.Vi);
            csv.WriteField(row.Enterprise.Name.En);
            csv.WriteField(row.ProductName.Vi);
            csv.WriteField(row.ProductName.En);
            csv.NextRecord();
        }
    }
}
