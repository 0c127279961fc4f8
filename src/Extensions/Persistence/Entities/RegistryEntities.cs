namespace Spcncl.Persistence.Entities;

/// <summary>One year of the programme: the recognition decision and its dates.</summary>
public sealed class AwardCycleEntity
{
    public int Year { get; set; }

    public string DecisionNumber { get; set; } = "";

    public DateOnly? DecisionDate { get; set; }

    public DateOnly? CouncilDate { get; set; }

    public DateOnly? CeremonyDate { get; set; }

    /// <summary>Planning, Registration, Assessment, PublicDisclosure or Recognised.</summary>
    public string Status { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// One product recognised in one year. The names are kept as the decision recognised them (products are renamed;
/// the registry is the record); the product and enterprise documents are linked by key.
/// </summary>
public sealed class AwardEntity
{
    public int Id { get; set; }

    public int Year { get; set; }

    public string CertificateNumber { get; set; } = "";

    public Guid ProductKey { get; set; }

    public Guid EnterpriseKey { get; set; }

    public string SectorCode { get; set; } = "";

    public bool Top10 { get; set; }

    public DateOnly ValidUntil { get; set; }

    public string ProductNameVi { get; set; } = "";

    public string ProductNameEn { get; set; } = "";

    public string EnterpriseNameVi { get; set; } = "";

    public string EnterpriseNameEn { get; set; } = "";

    public string EnterpriseTaxCode { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public AwardCycleEntity? Cycle { get; set; }
}

/// <summary>A buyer's message to a supplier. Stored before any mail is sent, so nothing is lost when mail fails.</summary>
public sealed class EnquiryEntity
{
    public int Id { get; set; }

    public Guid Key { get; set; }

    public Guid? ProductKey { get; set; }

    public Guid EnterpriseKey { get; set; }

    public string Culture { get; set; } = "";

    public string Name { get; set; } = "";

    public string Company { get; set; } = "";

    public string Country { get; set; } = "";

    public string Email { get; set; } = "";

    public string Message { get; set; } = "";

    public bool MeetAtFair { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Pending, Sent, Failed or NotConfigured.</summary>
    public string MailStatus { get; set; } = "";

    public int MailAttempts { get; set; }

    public string? MailError { get; set; }

    public DateTime? MailedUtc { get; set; }

    public bool Handled { get; set; }

    public string? HandledBy { get; set; }

    public DateTime? HandledUtc { get; set; }
}
