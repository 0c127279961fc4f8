namespace Spcncl.Registry;

/// <summary>
/// Answers whether a certificate number is valid (until when), expired (since when) or unknown, from the registry in
/// memory. A number on a list whose year is not yet recognised (the list published for comment before the City's
/// decision) is neither valid nor expired: the answer says which stage the year is at.
/// </summary>
public sealed class CertificateVerifier(AwardRegistry registry)
{
    public const int MaxInputLength = 80;

    public Verification Verify(string? certificateNumber)
    {
        var number = certificateNumber?.Trim() ?? "";
        if (number.Length == 0)
        {
            return new Verification(VerificationStatus.NotAsked, null, number);
        }

        if (number.Length > MaxInputLength || registry.Current.ByCertificate(number) is not { } award)
        {
            return new Verification(VerificationStatus.NotFound, null, number.Length > MaxInputLength ? number[..MaxInputLength] : number);
        }

        if (award.Cycle is { Status: not CycleStatus.Recognised })
        {
            return new Verification(VerificationStatus.NotRecognised, award, number);
        }

        return new Verification(award.IsValidOn(registry.Today) ? VerificationStatus.Valid : VerificationStatus.Expired, award, number);
    }
}

public enum VerificationStatus
{
    NotAsked,
    Valid,
    Expired,
    NotFound,

    /// <summary>The number is on a year's list whose decision has not been issued: not (yet) a title.</summary>
    NotRecognised,
}

/// <param name="Number">What the visitor typed (trimmed, never more than 80 characters).</param>
public sealed record Verification(VerificationStatus Status, Award? Award, string Number)
{
    /// <summary>The first day the title was no longer valid.</summary>
    public DateOnly? ExpiredSince => Status == VerificationStatus.Expired ? Award!.ValidUntil.AddDays(1) : null;

    /// <summary>The stage the award's year is at, when it is not recognised yet.</summary>
    public CycleStatus? Stage => Status == VerificationStatus.NotRecognised ? Award!.Cycle!.Status : null;
}
