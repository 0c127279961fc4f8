using System.ComponentModel.DataAnnotations;

namespace Spcncl.Localization;

/// <summary>The site's cultures, bound from <c>Site:Cultures</c>. The first culture marked default is mandatory for every page.</summary>
public sealed class CultureOptions
{
    public const string SectionName = "Site";

    [MinLength(1)]
    public List<CultureDefinition> Cultures { get; set; } = [];
}

public sealed class CultureDefinition
{
    /// <summary>The two-letter code used in URLs and content (<c>vi</c>, <c>en</c>).</summary>
    [Required, RegularExpression("^[a-z]{2}$")]
    public string Code { get; set; } = "";

    /// <summary>The language's own name, shown in the language switcher (<c>Tiếng Việt</c>).</summary>
    [Required]
    public string NativeName { get; set; } = "";

    /// <summary>The .NET culture used for formatting and collation (<c>vi-VN</c>, <c>en-GB</c>).</summary>
    [Required]
    public string Locale { get; set; } = "";

    public bool Default { get; set; }

    /// <summary>How dates read in this culture (a .NET format string), e.g. <c>dd/MM/yyyy</c> or <c>d MMMM yyyy</c>.</summary>
    [Required]
    public string DateFormat { get; set; } = "yyyy-MM-dd";

    /// <summary>How a date with a time reads in this culture.</summary>
    [Required]
    public string DateTimeFormat { get; set; } = "yyyy-MM-dd HH:mm";
}
