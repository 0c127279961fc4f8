using System.Globalization;

namespace Spcncl.Registry.Import;

/// <summary>
/// Why an import refused a file or a row: a stable <see cref="Code"/> (the back office shows the dictionary's
/// <c>BackOffice.Import.Reason.{Code}</c> in the clerk's language), its <see cref="Args"/> written invariantly (numbers
/// as digits, dates as yyyy-MM-dd), and the <see cref="English"/> sentence the command line and the logs print.
/// </summary>
public sealed record ImportReason(string Code, IReadOnlyList<string> Args, string English)
{
    // ---- The file as a whole ---------------------------------------------------------------------------

    public static ImportReason UnsupportedExtension(string extension) =>
        new(nameof(UnsupportedExtension), [extension], $"'{extension}' files cannot be imported: use CSV (UTF-8) or XLSX");

    /// <param name="detail">What the CSV or XLSX library said (in English).</param>
    public static ImportReason Unreadable(string format, string detail) =>
        new(nameof(Unreadable), [format, detail], $"the file cannot be read as {format}: {detail}");

    public static ImportReason NotUtf8(int line) =>
        new(nameof(NotUtf8), [Number(line)], $"the file is not UTF-8 (first bad byte on line {line}): in Excel choose \"CSV UTF-8\" when saving");

    public static ImportReason EmptyFile { get; } = new(nameof(EmptyFile), [], "the file is empty");

    public static ImportReason EmptySheet { get; } = new(nameof(EmptySheet), [], "the first sheet is empty");

    /// <summary>Two headers name the same column; the arguments end with the column's English and Vietnamese names.</summary>
    public static ImportReason DuplicateColumn(string first, string second, DecisionColumn column) =>
        new(nameof(DuplicateColumn), [first, second, column.English, column.Vietnamese], $"the columns '{first}' and '{second}' both mean {column.English}");

    /// <summary>Required columns are missing: listed English first, then Vietnamese first, then the headers not recognised (if any).</summary>
    public static ImportReason MissingColumns(IReadOnlyList<DecisionColumn> missing, IReadOnlyList<string> unknown)
    {
        var english = string.Join(", ", missing.Select(m => $"{m.English} ({m.Vietnamese})"));
        var vietnamese = string.Join(", ", missing.Select(m => $"{m.Vietnamese} ({m.English})"));
        if (unknown.Count == 0)
        {
            return new(nameof(MissingColumns), [english, vietnamese], $"missing columns: {english}");
        }

        var headers = string.Join(", ", unknown.Select(u => $"'{u}'"));
        return new(nameof(MissingColumnsAndUnknownHeaders), [english, vietnamese, headers], $"missing columns: {english}; these headers were not recognised: {headers}");
    }

    public static ImportReason NoRows { get; } = new(nameof(NoRows), [], "the file has a header but no rows");

    public static ImportReason NoParentPages { get; } = new(nameof(NoParentPages), [], "the site has no enterprise directory or product catalogue page to put new enterprises and products under");

    /// <param name="detail">What the database said (in English).</param>
    public static ImportReason RegistryRefused(string detail) =>
        new(nameof(RegistryRefused), [detail], $"the registry refused the changes ({detail}); nothing was imported: import the file again");

    // ---- One row ---------------------------------------------------------------------------------------

    public static ImportReason YearOutOfRange(int first, int last) =>
        new(nameof(YearOutOfRange), [Year(first), Year(last)], $"must be a year from {first} to {last}");

    public static ImportReason DecisionDateOutsideYear(int year) =>
        new(nameof(DecisionDateOutsideYear), [Year(year), Year(year + 1)], $"a decision for {year} must be dated {year} or early {year + 1}");

    public static ImportReason CertificatePattern { get; } = new(nameof(CertificatePattern), [], "may hold only letters, digits and . - _, with / between parts (as in 123/GCN-SCT)");

    public static ImportReason CertificateRepeated(int row) =>
        new(nameof(CertificateRepeated), [Number(row)], $"is already used on row {row}");

    public static ImportReason NotYesOrNo { get; } = new(nameof(NotYesOrNo), [], "must be yes or no (có/không, x, 1/0)");

    public static ImportReason UnknownSector(IEnumerable<string> codes)
    {
        var list = string.Join(", ", codes);
        return new(nameof(UnknownSector), [list], $"is not a sector; use one of {list}");
    }

    /// <param name="leadingZeroDropped">Nine digits: a spreadsheet probably took the tax code for a number.</param>
    public static ImportReason TaxCodePattern(bool leadingZeroDropped) => leadingZeroDropped
        ? new(nameof(TaxCodeLeadingZeroDropped), [], "must be 10 digits, or 10 digits, a hyphen and 3 digits for a branch (a spreadsheet may have dropped the leading 0: format the column as text)")
        : new(nameof(TaxCodePattern), [], "must be 10 digits, or 10 digits, a hyphen and 3 digits for a branch");

    public static ImportReason Required { get; } = new(nameof(Required), [], "is required");

    public static ImportReason TooLong(int length, int maxLength) =>
        new(nameof(TooLong), [Number(length), Number(maxLength)], $"is {length} characters long; at most {maxLength} are allowed");

    public static ImportReason ControlCharacters { get; } = new(nameof(ControlCharacters), [], "contains control characters");

    public static ImportReason NotADate { get; } = new(nameof(NotADate), [], "is not a date (write it as dd/mm/yyyy)");

    public static ImportReason ValidBeforeDecision { get; } = new(nameof(ValidBeforeDecision), [], "is before the decision date");

    public static ImportReason OneDecisionPerYear(int row, string decisionNumber, DateOnly decisionDate, int year) =>
        new(nameof(OneDecisionPerYear), [Number(row), decisionNumber, Date(decisionDate), Year(year)], $"row {row} gives {decisionNumber} of {decisionDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} for {year}: one year has one decision");

    public static ImportReason CertificateHeldElsewhere(string productVi, int year) =>
        new(nameof(CertificateHeldElsewhere), [productVi, Year(year)], $"already belongs to '{productVi}' ({year})");

    public static ImportReason ProductRepeated(int row, int year) =>
        new(nameof(ProductRepeated), [Number(row), Year(year)], $"the same product of the same enterprise is already on row {row} for {year}");

    public static ImportReason ProductRecognisedThatYear(string productVi, string certificate, int year) =>
        new(nameof(ProductRecognisedThatYear), [productVi, certificate, Year(year)], $"'{productVi}' already has certificate {certificate} for {year}; a product is recognised once a year");

    public static ImportReason TooManyTop10(int year, int count) =>
        new(nameof(TooManyTop10), [Year(year), Number(count), Number(10)], $"{year} would have {count} Top 10 products; there are at most 10");

    /// <param name="detail">Why the content service refused it (in English).</param>
    public static ImportReason EnterpriseNotCreated(string detail) =>
        new(nameof(EnterpriseNotCreated), [detail], $"the enterprise cannot be created: {detail}");

    /// <param name="detail">Why the content service refused it (in English).</param>
    public static ImportReason ProductNotCreated(string detail) =>
        new(nameof(ProductNotCreated), [detail], $"the product cannot be created: {detail}");

    /// <summary>Every code, for the test that the dictionary has a text for each.</summary>
    public static IReadOnlyList<string> Codes { get; } =
    [
        nameof(UnsupportedExtension), nameof(Unreadable), nameof(NotUtf8), nameof(EmptyFile), nameof(EmptySheet), nameof(DuplicateColumn),
        nameof(MissingColumns), nameof(MissingColumnsAndUnknownHeaders), nameof(NoRows), nameof(NoParentPages), nameof(RegistryRefused),
        nameof(YearOutOfRange), nameof(DecisionDateOutsideYear), nameof(CertificatePattern), nameof(CertificateRepeated), nameof(NotYesOrNo),
        nameof(UnknownSector), nameof(TaxCodePattern), nameof(TaxCodeLeadingZeroDropped), nameof(Required), nameof(TooLong), nameof(ControlCharacters),
        nameof(NotADate), nameof(ValidBeforeDecision), nameof(OneDecisionPerYear), nameof(CertificateHeldElsewhere), nameof(ProductRepeated),
        nameof(ProductRecognisedThatYear), nameof(TooManyTop10), nameof(EnterpriseNotCreated), nameof(ProductNotCreated),
    ];

    // Codes that share a factory with another code.
    private const string MissingColumnsAndUnknownHeaders = nameof(MissingColumnsAndUnknownHeaders);

    private const string TaxCodeLeadingZeroDropped = nameof(TaxCodeLeadingZeroDropped);

    // Numbers the reader's culture groups ({0:number} in the dictionary), years it leaves as they are, dates it writes its own way ({0:date}).
    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Year(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
