using Spcncl.Forms;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Registry.Enquiries;

/// <summary>
/// A buyer's enquiry to a supplier: checked field by field, stored in the database first (so nothing is lost when mail
/// fails), then handed to <see cref="EnquiryMailer"/> to email the programme's inbox and the enterprise.
/// </summary>
public sealed class EnquiryService(SiteDbContextFactory dbFactory, EnquiryMailer mailer, TimeProvider clock)
{
    public const int NameMax = FormLimits.Name;
    public const int CompanyMax = FormLimits.Organisation;
    public const int CountryMax = 80;
    public const int MessageMax = FormLimits.LongText;

    public static readonly IReadOnlyList<FieldRule> Rules =
    [
        new(nameof(EnquiryInput.Name), Required: true, NameMax),
        new(nameof(EnquiryInput.Company), Required: false, CompanyMax),
        new(nameof(EnquiryInput.Country), Required: true, CountryMax),
        new(nameof(EnquiryInput.Email), Required: true, FormLimits.Email, FieldKind.Email),
        new(nameof(EnquiryInput.Message), Required: true, MessageMax, FieldKind.MultiLine),
    ];

    /// <summary>Field errors by field name, each a <see cref="FormErrors"/> code the page turns into a message in the visitor's language.</summary>
    public static IReadOnlyDictionary<string, string> Validate(EnquiryInput input) =>
        FormValidator.Validate(Rules, field => field switch
        {
            nameof(EnquiryInput.Name) => input.Name,
            nameof(EnquiryInput.Company) => input.Company,
            nameof(EnquiryInput.Country) => input.Country,
            nameof(EnquiryInput.Email) => input.Email,
            nameof(EnquiryInput.Message) => input.Message,
            _ => null,
        });

    /// <summary>Stores a valid enquiry and queues its mail; returns its key (for the confirmation page).</summary>
    public async Task<Guid> SubmitAsync(EnquiryInput input, Guid? productKey, Guid enterpriseKey, string culture, CancellationToken ct)
    {
        if (Validate(input).Count > 0)
        {
            throw new ArgumentException("Validate the enquiry before submitting it.", nameof(input));
        }

        var entity = new EnquiryEntity
        {
            Key = Guid.NewGuid(),
            ProductKey = productKey,
            EnterpriseKey = enterpriseKey,
            Culture = culture,
            Name = input.Name!.Trim(),
            Company = input.Company?.Trim() ?? "",
            Country = input.Country!.Trim(),
            Email = input.Email!.Trim(),
            Message = input.Message!.Trim(),
            MeetAtFair = input.MeetAtFair,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            MailStatus = nameof(MailStatus.Pending),
        };
        await using (var db = dbFactory.CreateDbContext())
        {
            db.Enquiries.Add(entity);
            await db.SaveChangesAsync(ct);
        }

        mailer.Wake();
        return entity.Key;
    }
}

/// <summary>What the buyer typed. <see cref="Website"/> is a honeypot: people never see it, robots fill it in.</summary>
public sealed class EnquiryInput
{
    public string? Name { get; set; }

    public string? Company { get; set; }

    public string? Country { get; set; }

    public string? Email { get; set; }

    public string? Message { get; set; }

    public bool MeetAtFair { get; set; }

    public string? Website { get; set; }

    public bool IsRobot => !string.IsNullOrEmpty(Website);
}

public enum MailStatus
{
    Pending,
    Sent,
    Failed,
    NotConfigured,
}
