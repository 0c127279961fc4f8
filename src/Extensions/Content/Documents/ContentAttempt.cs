namespace Spcncl.Content.Documents;

/// <summary>
/// The outcome of a content operation. Expected failures (invalid values, a stale revision, a child type not
/// allowed here) are results, not exceptions, in the manner of Umbraco's <c>Attempt&lt;TResult, TStatus&gt;</c>.
/// </summary>
public sealed record ContentAttempt<T>(ContentStatus Status, T? Value, IReadOnlyList<ContentError> Errors)
{
    public bool Succeeded => Status == ContentStatus.Success;

    public static ContentAttempt<T> Success(T value) => new(ContentStatus.Success, value, []);

    public static ContentAttempt<T> Fail(ContentStatus status, params ContentError[] errors) => new(status, default, errors);

    public static ContentAttempt<T> Fail(ContentStatus status, IReadOnlyList<ContentError> errors, T? current = default) => new(status, current, errors);

    public override string ToString() =>
        Succeeded ? "Success" : $"{Status}: {string.Join("; ", Errors.Select(e => e.ToString()))}";
}

public enum ContentStatus
{
    Success,

    /// <summary>No such document (or it is in the recycle bin when it should not be).</summary>
    NotFound,

    /// <summary>One or more values are missing or invalid; each error names the property and culture.</summary>
    ValidationFailed,

    /// <summary>The save was based on an older revision than the one stored. Nothing was written; the current document is returned.</summary>
    Conflict,

    /// <summary>The document type is not allowed at that place in the tree.</summary>
    NotAllowed,

    /// <summary>The default culture (Vietnamese) is missing, or must be published before another culture.</summary>
    CultureRequired,

    /// <summary>The operation does not apply to the document in its current state.</summary>
    InvalidOperation,
}

/// <summary>One problem: which property (null for the document itself), which culture (null when shared), a stable code and a message.</summary>
public sealed record ContentError(string? Property, string? Culture, string Code, string Message)
{
    public override string ToString() =>
        (Property, Culture) switch
        {
            (null, null) => Message,
            (null, { } c) => $"[{c}] {Message}",
            ({ } p, null) => $"{p}: {Message}",
            ({ } p, { } c) => $"{p} [{c}]: {Message}",
        };
}
