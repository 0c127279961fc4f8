using Spcncl.Content.DocumentTypes;

namespace Spcncl.Content;

/// <summary>
/// The rule of whose content a document shows in a culture: its own when published there; the default culture's
/// when the type does not vary by culture, or when the type allows fallback (then marked as a fallback); otherwise
/// none, and the page does not exist in that culture. The published snapshot and the content service both ask this.
/// </summary>
public static class CultureRule
{
    public static (string Culture, bool IsFallback)? ContentCulture(DocumentType type, Func<string, bool> isPublished, string culture, string defaultCulture)
    {
        if (!type.VariesByCulture)
        {
            return isPublished(defaultCulture) ? (defaultCulture, false) : null;
        }

        if (isPublished(culture))
        {
            return (culture, false);
        }

        return culture != defaultCulture && type.CultureFallback && isPublished(defaultCulture)
            ? (defaultCulture, true)
            : null;
    }
}
