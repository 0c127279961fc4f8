using System.Globalization;
using System.Text;

namespace Spcncl.Localization;

/// <summary>Accent folding for Vietnamese text: the one place that knows đ is not a decomposable letter.</summary>
public static class VietnameseText
{
    /// <summary>Removes tone marks and diacritics and maps đ/Đ to d/D. Case is kept.</summary>
    public static string FoldAccents(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            switch (ch)
            {
                case 'đ':
                    builder.Append('d');
                    break;
                case 'Đ':
                    builder.Append('D');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
