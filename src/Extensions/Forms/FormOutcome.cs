namespace Spcncl.Forms;

/// <summary>What became of a public form: stored (with its key), refused field by field, or refused because its period closed.</summary>
public sealed record FormOutcome(FormStatus Status, Guid? Key, IReadOnlyDictionary<string, string> Errors)
{
    public static FormOutcome Closed { get; } = new(FormStatus.Closed, null, new Dictionary<string, string> { [FormErrors.FormLevel] = FormErrors.Closed });

    public static FormOutcome Accepted(Guid key) => new(FormStatus.Accepted, key, new Dictionary<string, string>());

    public static FormOutcome Invalid(IReadOnlyDictionary<string, string> errors) => new(FormStatus.Invalid, null, errors);
}

public enum FormStatus
{
    Accepted,
    Invalid,
    Closed,
}
