namespace Spcncl.Persistence.Entities;

/// <summary>Small facts the site remembers about itself (when uSync content was first imported, …).</summary>
public sealed class SiteStateEntity
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
