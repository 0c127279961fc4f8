using System.Globalization;
using Spcncl.Localization;

namespace Spcncl.Site.BackOffice.Operations;

/// <summary>
/// One argument of an import reason (<see cref="Spcncl.Registry.Import.ImportReason"/>), ready for <c>T.Format</c>:
/// printed as stored unless the dictionary's text asks for <c>{0:number}</c> (grouped for the culture) or
/// <c>{0:date}</c> (the culture's date), so that a year or a certificate number is never taken for either.
/// </summary>
public sealed class ImportReasonArgument(string value, CultureFormatter formatter, string culture) : IFormattable
{
    public static object[] For(IReadOnlyList<string>? args, CultureFormatter formatter, string culture) =>
        [.. (args ?? []).Select(a => new ImportReasonArgument(a, formatter, culture))];

    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        "number" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => formatter.Number(number, culture),
        "date" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => formatter.Date(date, culture),
        _ => value,
    };

    public override string ToString() => value;
}
