namespace Spcncl.Sync;

/// <summary>What is wrong in one uSync file: the file (relative to the uSync folder), the JSON path and the reason.</summary>
public sealed record SyncFileError(string File, string JsonPath, string Reason)
{
    public override string ToString() => $"{File} {JsonPath}: {Reason}";
}

/// <summary>Thrown when the uSync folder cannot be loaded. Start-up stops with this message before the database is touched.</summary>
public sealed class SyncFileException(IReadOnlyList<SyncFileError> errors)
    : Exception(BuildMessage(errors))
{
    public IReadOnlyList<SyncFileError> Errors { get; } = errors;

    private static string BuildMessage(IReadOnlyList<SyncFileError> errors) =>
        errors.Count == 1
            ? $"Invalid uSync file: {errors[0]}"
            : $"Invalid uSync files ({errors.Count} problems):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors);
}
