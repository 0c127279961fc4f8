namespace Spcncl.Persistence.Entities;

/// <summary>A culture the site publishes in, mirrored from configuration so data and reports can refer to it.</summary>
public sealed class LanguageEntity
{
    public string Code { get; set; } = "";

    public string NativeName { get; set; } = "";

    public bool IsDefault { get; set; }
}
