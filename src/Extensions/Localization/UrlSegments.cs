using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Spcncl.Localization;

/// <summary>
/// URL segments ("slugs") derived from names: Vietnamese accents folded, đ/Đ mapped to d,
/// lower case, words joined by hyphens. "Sản phẩm Đồ gỗ" → "san-pham-do-go".
/// </summary>
public static partial class UrlSegments
{
    public const int MaxLength = 120;

    public static string FromName(string name)
    {
        var folded = VietnameseText.FoldAccents(name).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var ch in folded)
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(ch);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var segment = builder.ToString();
        if (segment.Length > MaxLength)
        {
            segment = segment[..MaxLength].TrimEnd('-');
        }

        return segment;
    }

    public static bool IsValid(string segment) => segment.Length <= MaxLength && ValidPattern().IsMatch(segment);

    /// <summary>Appends -2, -3, … until the segment is not among <paramref name="taken"/>.</summary>
    public static string MakeUnique(string segment, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(segment))
        {
            return segment;
        }

        for (var n = 2; ; n++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $"-{n}");
            var stem = segment.Length + suffix.Length > MaxLength ? segment[..(MaxLength - suffix.Length)].TrimEnd('-') : segment;
            var candidate = stem + suffix;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidPattern();
}
