namespace Spcncl.Persistence.Entities;

/// <summary>One UI string in one culture (menus, buttons, messages, labels).</summary>
public sealed class DictionaryEntryEntity
{
    public string Key { get; set; } = "";

    public string Culture { get; set; } = "";

    public string Value { get; set; } = "";
}
