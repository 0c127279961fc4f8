namespace Spcncl.Registry;

/// <summary>Answers whether a certificate number is valid (until when), expired (since when) or unknown, from the registry in memory.</summary>
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

        return new Verification(award.IsValidOn(registry.Today) ? VerificationStatus.Valid : VerificationStatus.Expired, award, number);
    }
}

public enum VerificationStatus
{
    NotAsked,
    Valid,
    Expired,
    NotFound,
}

/// <param name="Number">What the visitor typed (trimmed, never more than 80 characters).</param>
public sealed record Verification(VerificationStatus Status, Award? Award, string Number)
{
    /// <summary>The first day the title was no longer valid.</summary>
    public DateOnly? ExpiredSince => Status == VerificationStatus.Expired ? Award!.ValidUntil.AddDays(1) : null;
}
