using System.Net;
using System.Text.RegularExpressions;

namespace Spcncl.Bench.Harness;

/// <summary>Reads a back-office form as a browser would post it: every named input, checked box, textarea and selected option.</summary>
public static partial class EditorForm
{
    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");

    public static List<KeyValuePair<string, string>> Fields(string html, string formAction)
    {
        var form = FormPattern().Matches(html).Select(m => m.Value).First(f => f.Contains($"action=\"{formAction}\"", StringComparison.Ordinal));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputPattern().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            var type = Attribute(tag, "type") ?? "text";
            if (name is null or "__RequestVerificationToken" || type is "submit" or "button" || (type is "checkbox" or "radio" && !tag.Contains(" checked", StringComparison.Ordinal)) || tag.Contains(" disabled", StringComparison.Ordinal))
            {
                continue;
            }

            fields.Add(new(name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? "")));
        }

        foreach (Match area in TextareaPattern().Matches(form))
        {
            fields.Add(new(area.Groups["name"].Value, WebUtility.HtmlDecode(area.Groups["text"].Value)));
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            foreach (Match option in SelectedOptionPattern().Matches(select.Groups["options"].Value))
            {
                fields.Add(new(select.Groups["name"].Value, WebUtility.HtmlDecode(option.Groups["value"].Value)));
            }
        }

        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"(?<v>[^\"]*)\"") is { Success: true } m ? m.Groups["v"].Value : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\" selected=\"selected\"")]
    private static partial Regex SelectedOptionPattern();
}
