using System.Text.Json;
using Spcncl.Content.Documents;

namespace Spcncl.Tests.Fixtures;

/// <summary>Short ways to write property values and edits in tests.</summary>
public static class ContentValues
{
    public static JsonElement? Json(object? value) => value is null ? null : JsonSerializer.SerializeToElement(value);

    public static Dictionary<string, JsonElement?> Values(params (string Alias, object? Value)[] values) =>
        values.ToDictionary(v => v.Alias, v => Json(v.Value));

    public static Dictionary<string, VariantInput> Cultures(params (string Culture, VariantInput Input)[] cultures) =>
        cultures.ToDictionary(c => c.Culture, c => c.Input);

    public static T Ok<T>(ContentAttempt<T> attempt)
    {
        Assert.True(attempt.Succeeded, attempt.ToString());
        return attempt.Value!;
    }

    public static T Ok<T>(Spcncl.Media.MediaAttempt<T> attempt)
    {
        Assert.True(attempt.Succeeded, attempt.ToString());
        return attempt.Value!;
    }
}
