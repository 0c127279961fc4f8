using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spcncl.Sync;

/// <summary>
/// The one JSON dialect of the uSync folder: camelCase, two-space indents, LF line ends, Vietnamese written as is.
/// Reading refuses unknown fields so a typo in a file is reported, not silently ignored.
/// </summary>
public static class SyncJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Serialises to the canonical text of a uSync file, ending with one newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>Compact form used inside the database.</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
