namespace Spcncl.Content.DocumentTypes;

/// <summary>The names of property editors as written in document type files, and what each one accepts.</summary>
public static class PropertyEditors
{
    private static readonly Dictionary<string, PropertyEditor> ByName = new(StringComparer.Ordinal)
    {
        ["text"] = PropertyEditor.Text,
        ["textarea"] = PropertyEditor.Textarea,
        ["markdown"] = PropertyEditor.Markdown,
        ["number"] = PropertyEditor.Number,
        ["date"] = PropertyEditor.Date,
        ["datetime"] = PropertyEditor.DateTime,
        ["boolean"] = PropertyEditor.Boolean,
        ["dropdown"] = PropertyEditor.Dropdown,
        ["tags"] = PropertyEditor.Tags,
        ["contentPicker"] = PropertyEditor.ContentPicker,
        ["multiContentPicker"] = PropertyEditor.MultiContentPicker,
        ["mediaPicker"] = PropertyEditor.MediaPicker,
        ["multiMediaPicker"] = PropertyEditor.MultiMediaPicker,
        ["file"] = PropertyEditor.File,
        ["url"] = PropertyEditor.Url,
        ["email"] = PropertyEditor.Email,
        ["keyValueList"] = PropertyEditor.KeyValueList,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out PropertyEditor editor) => ByName.TryGetValue(name ?? "", out editor);

    public static string NameOf(PropertyEditor editor) => ByName.First(pair => pair.Value == editor).Key;

    public static bool IsText(PropertyEditor editor) =>
        editor is PropertyEditor.Text or PropertyEditor.Textarea or PropertyEditor.Markdown or PropertyEditor.Url or PropertyEditor.Email;

    public static bool IsList(PropertyEditor editor) =>
        editor is PropertyEditor.Tags or PropertyEditor.MultiContentPicker or PropertyEditor.MultiMediaPicker or PropertyEditor.KeyValueList;

    public static bool IsPicker(PropertyEditor editor) =>
        editor is PropertyEditor.ContentPicker or PropertyEditor.MultiContentPicker or PropertyEditor.MediaPicker or PropertyEditor.MultiMediaPicker or PropertyEditor.File;
}
