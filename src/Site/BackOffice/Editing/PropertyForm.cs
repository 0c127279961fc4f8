using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;

namespace Spcncl.Site.BackOffice.Editing;

/// <summary>
/// How a property's value travels between the stored JSON and the editor's form fields, for every property editor.
/// Reading keeps what was typed (the raw strings) so a refused save shows it again untouched.
/// </summary>
/// <remarks>
/// Field names: <c>{prefix}{alias}</c> for single values; repeated for lists and multiple choices; <c>.key</c> and
/// <c>.value</c> for key-value rows; <c>.present</c> marks a checkbox that was on the form (an unticked box sends nothing).
/// Dates and times are shown and typed in Hanoi time and stored with their +07:00 offset.
/// </remarks>
public static class PropertyForm
{
    public const string Present = ".present";
    public const string Keys = ".key";
    public const string Values = ".value";

    /// <summary>The raw strings an editor shows for a stored value.</summary>
    public static FieldInput FromJson(PropertyType property, JsonElement? value)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return FieldInput.Empty;
        }

        return property.Editor switch
        {
            PropertyEditor.Boolean => new FieldInput([v.ValueKind == JsonValueKind.True ? "true" : ""]),
            PropertyEditor.Number => new FieldInput([v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.ToString()]),
            PropertyEditor.DateTime => new FieldInput([v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                ? CultureFormatter.ToSiteTime(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
                : v.ToString()]),
            PropertyEditor.Tags => new FieldInput([string.Join(", ", Strings(v))]),
            PropertyEditor.MultiContentPicker or PropertyEditor.MultiMediaPicker => new FieldInput(Strings(v)),
            PropertyEditor.Dropdown when property.Multiple => new FieldInput(Strings(v)),
            PropertyEditor.KeyValueList => new FieldInput(
                [.. v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.TryGetProperty("key", out var k) ? k.GetString() ?? "" : "") : []],
                [.. v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.TryGetProperty("value", out var x) ? x.GetString() ?? "" : "") : []]),
            _ => new FieldInput([v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()]),
        };
    }

    /// <summary>Whether the form carries this property at all (a translator's form has no shared fields).</summary>
    public static bool IsOnForm(PropertyType property, IFormCollection form, string name) => property.Editor switch
    {
        PropertyEditor.Boolean or PropertyEditor.MultiContentPicker or PropertyEditor.MultiMediaPicker or PropertyEditor.KeyValueList => form.ContainsKey(name + Present),
        PropertyEditor.Dropdown when property.Multiple => form.ContainsKey(name + Present),
        _ => form.ContainsKey(name),
    };

    /// <summary>The value a form gives (null clears it), with what was typed; <see cref="FieldValue.Error"/> when it cannot be read at all.</summary>
    public static FieldValue Read(PropertyType property, IFormCollection form, string name)
    {
        var raw = form[name];
        var text = raw.ToString().Trim();
        switch (property.Editor)
        {
            case PropertyEditor.Boolean:
                return new FieldValue(raw.Contains("true") ? Json(true) : Json(false), new FieldInput([raw.Contains("true") ? "true" : ""]));

            case PropertyEditor.Number:
                if (text.Length == 0)
                {
                    return new FieldValue(null, new FieldInput([text]));
                }

                return decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? new FieldValue(Json(number), new FieldInput([text]))
                    : new FieldValue(null, new FieldInput([text]), "type");

            case PropertyEditor.DateTime:
                if (text.Length == 0)
                {
                    return new FieldValue(null, new FieldInput([text]));
                }

                if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    var offset = CultureFormatter.SiteTimeZone.GetUtcOffset(local);
                    return new FieldValue(Json(new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)), new FieldInput([text]));
                }

                return new FieldValue(null, new FieldInput([text]), "datetime");

            case PropertyEditor.Tags:
                var tags = text.Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
                return new FieldValue(tags.Length == 0 ? null : Json(tags), new FieldInput([text]));

            case PropertyEditor.MultiContentPicker or PropertyEditor.MultiMediaPicker:
                var keys = NonEmpty(raw);
                return new FieldValue(keys.Length == 0 ? null : Json(keys), new FieldInput(keys));

            case PropertyEditor.Dropdown when property.Multiple:
                var chosen = NonEmpty(raw);
                return new FieldValue(chosen.Length == 0 ? null : Json(chosen), new FieldInput(chosen));

            case PropertyEditor.KeyValueList:
                var rowKeys = form[name + Keys].Select(k => k ?? "").ToArray();
                var rowValues = form[name + Values].Select(v => v ?? "").ToArray();
                var rows = rowKeys.Zip(rowValues)
                    .Where(r => r.First.Trim().Length > 0 || r.Second.Trim().Length > 0)
                    .Select(r => new Dictionary<string, string> { ["key"] = r.First.Trim(), ["value"] = r.Second.Trim() })
                    .ToArray();
                return new FieldValue(rows.Length == 0 ? null : Json(rows), new FieldInput([.. rows.Select(r => r["key"])], [.. rows.Select(r => r["value"])]));

            default:
                // Text keeps its inner spacing and new lines; only the ends are trimmed.
                var value = property.Editor is PropertyEditor.Textarea or PropertyEditor.Markdown ? raw.ToString().ReplaceLineEndings("\n").Trim() : text;
                return new FieldValue(value.Length == 0 ? null : Json(value), new FieldInput([raw.ToString()]));
        }
    }

    private static string[] NonEmpty(StringValues values) => [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal)];

    private static string[] Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)] : [];

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value);
}

/// <summary>What an editor shows in a field: its strings (one for most editors, one per item for lists), and for key-value rows the values.</summary>
public sealed record FieldInput(IReadOnlyList<string> Items, IReadOnlyList<string>? RowValues = null)
{
    public static FieldInput Empty { get; } = new([]);

    public string Text => Items.Count > 0 ? Items[0] : "";

    public bool Has(string item) => Items.Contains(item, StringComparer.Ordinal);
}

/// <param name="Error">A code when the typed text could not be read at all (a number that is not one).</param>
public sealed record FieldValue(JsonElement? Json, FieldInput Input, string? Error = null);
