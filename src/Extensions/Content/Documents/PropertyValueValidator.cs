using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spcncl.Content.DocumentTypes;

namespace Spcncl.Content.Documents;

/// <summary>Checks one value against its property type: shape for the editor, mandatory, and the validation rules.</summary>
public static class PropertyValueValidator
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static bool IsEmpty(JsonElement? value) =>
        value is not { } v
        || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (v.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetString()))
        || (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 0);

    public static IEnumerable<ContentError> Validate(PropertyType property, JsonElement? value, string? culture)
    {
        ContentError Error(string code, string message) => new(property.Alias, culture, code, message);

        if (IsEmpty(value))
        {
            if (property.Mandatory)
            {
                yield return Error("required", "is required");
            }

            yield break;
        }

        var v = value!.Value;
        var rules = property.Validation;
        switch (property.Editor)
        {
            case PropertyEditor.Text or PropertyEditor.Textarea or PropertyEditor.Markdown or PropertyEditor.Url or PropertyEditor.Email:
                if (v.ValueKind != JsonValueKind.String)
                {
                    yield return Error("type", "expects text");
                    yield break;
                }

                var text = v.GetString()!;
                if (ContainsControlCharacters(text, allowNewLines: property.Editor is PropertyEditor.Textarea or PropertyEditor.Markdown))
                {
                    yield return Error("characters", "contains control characters");
                    yield break;
                }

                if (rules.MaxLength is { } maxLength && text.Length > maxLength)
                {
                    yield return Error("maxLength", $"is {text.Length} characters long; at most {maxLength} are allowed");
                }

                if (property.Editor == PropertyEditor.Url && !IsUrl(text))
                {
                    yield return Error("url", "is not an http(s) address or a site path starting with /");
                }

                if (property.Editor == PropertyEditor.Email && !IsEmail(text))
                {
                    yield return Error("email", "is not an email address");
                }

                if (rules.Pattern is { } pattern && !Matches(pattern, text))
                {
                    yield return Error("pattern", rules.PatternMessage?["en"] ?? "does not have the required format");
                }

                break;

            case PropertyEditor.Number:
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var number))
                {
                    yield return Error("type", "expects a number");
                    yield break;
                }

                if (rules.Min is { } min && number < min)
                {
                    yield return Error("min", $"is {number.ToString(CultureInfo.InvariantCulture)}; the smallest allowed is {min.ToString(CultureInfo.InvariantCulture)}");
                }

                if (rules.Max is { } max && number > max)
                {
                    yield return Error("max", $"is {number.ToString(CultureInfo.InvariantCulture)}; the largest allowed is {max.ToString(CultureInfo.InvariantCulture)}");
                }

                break;

            case PropertyEditor.Boolean:
                if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    yield return Error("type", "expects true or false");
                }

                break;

            case PropertyEditor.Date:
                if (v.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    yield return Error("date", "is not a date written as yyyy-MM-dd");
                }

                break;

            case PropertyEditor.DateTime:
                if (v.ValueKind != JsonValueKind.String
                    || !DateTimeOffset.TryParseExact(v.GetString(), ["yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mmZ"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    yield return Error("datetime", "is not a date and time written as yyyy-MM-ddTHH:mm+07:00");
                }

                break;

            case PropertyEditor.Dropdown:
                var chosen = new List<string>();
                if (property.Multiple)
                {
                    if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                    {
                        yield return Error("type", "expects a list of options");
                        yield break;
                    }

                    chosen.AddRange(v.EnumerateArray().Select(e => e.GetString()!));
                }
                else if (v.ValueKind == JsonValueKind.String)
                {
                    chosen.Add(v.GetString()!);
                }
                else
                {
                    yield return Error("type", "expects one option");
                    yield break;
                }

                foreach (var option in chosen.Where(c => property.Options.All(o => o.Value != c)))
                {
                    yield return Error("option", $"'{Shorten(option)}' is not one of the options ({string.Join(", ", property.Options.Select(o => o.Value))})");
                }

                if (chosen.Count != chosen.Distinct(StringComparer.Ordinal).Count())
                {
                    yield return Error("duplicate", "lists the same option twice");
                }

                foreach (var error in CheckCount(property, chosen.Count, culture))
                {
                    yield return error;
                }

                break;

            case PropertyEditor.Tags:
                if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
                {
                    yield return Error("type", "expects a list of tags (text)");
                    yield break;
                }

                if (v.EnumerateArray().Any(e => e.GetString()!.Length > 100 || ContainsControlCharacters(e.GetString()!, allowNewLines: false)))
                {
                    yield return Error("tag", "has a tag longer than 100 characters or with control characters");
                }

                foreach (var error in CheckCount(property, v.GetArrayLength(), culture))
                {
                    yield return error;
                }

                break;

            case PropertyEditor.ContentPicker or PropertyEditor.MediaPicker or PropertyEditor.File:
                if (v.ValueKind != JsonValueKind.String || !Guid.TryParse(v.GetString(), out _))
                {
                    yield return Error("key", "expects the key (GUID) of one item");
                }

                break;

            case PropertyEditor.MultiContentPicker or PropertyEditor.MultiMediaPicker:
                if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || !Guid.TryParse(e.GetString(), out _)))
                {
                    yield return Error("key", "expects a list of item keys (GUIDs)");
                    yield break;
                }

                foreach (var error in CheckCount(property, v.GetArrayLength(), culture))
                {
                    yield return error;
                }

                break;

            case PropertyEditor.KeyValueList:
                if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => !IsKeyValue(e)))
                {
                    yield return Error("type", "expects a list of items, each with a key and a value (text)");
                    yield break;
                }

                // A list whose values are picked documents (an exhibitor per booth): each value is a document's key.
                if (property.AllowedTypes.Count > 0 && v.EnumerateArray().Any(e => !Guid.TryParse(e.GetProperty("value").GetString(), out _)))
                {
                    yield return Error("key", "expects each value to be the key (GUID) of a picked item");
                    yield break;
                }

                foreach (var error in CheckCount(property, v.GetArrayLength(), culture))
                {
                    yield return error;
                }

                break;
        }
    }

    private static IEnumerable<ContentError> CheckCount(PropertyType property, int count, string? culture)
    {
        if (property.Validation.MinItems is { } minItems && count < minItems)
        {
            yield return new ContentError(property.Alias, culture, "minItems", $"has {count} items; at least {minItems} are needed");
        }

        if (property.Validation.MaxItems is { } maxItems && count > maxItems)
        {
            yield return new ContentError(property.Alias, culture, "maxItems", $"has {count} items; at most {maxItems} are allowed");
        }
    }

    private static bool IsKeyValue(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(key.GetString())
        && item.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
        && item.EnumerateObject().Count() == 2;

    public static bool ContainsControlCharacters(string text, bool allowNewLines) =>
        text.Any(c => char.IsControl(c) && !(allowNewLines && c is '\n' or '\r' or '\t'));

    private static bool IsUrl(string text) =>
        (text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.Contains('\\'))
        || (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");

    private static bool IsEmail(string text) =>
        text.Length <= 254 && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    private static bool Matches(string pattern, string text)
    {
        var regex = Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)));
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
