namespace Spcncl.Registry;

/// <summary>Bound from <c>Site:Registry</c>.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Site:Registry";

    /// <summary>The programme's first year of recognition (Decision 496/QĐ-UBND, 2018).</summary>
    public const int FirstYear = 2018;

    /// <summary>How long a title is valid after its decision, in years (the last day is the day before the anniversary).</summary>
    public int ValidityYears { get; set; } = 3;

    /// <summary>The largest decision list the back office accepts, in bytes (larger answers 413). A year's list is a few hundred kilobytes.</summary>
    public long MaxImportBytes { get; set; } = 10 * 1024 * 1024;
}
