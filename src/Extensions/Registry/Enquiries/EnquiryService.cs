using System.Net.Mail;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Registry.Enquiries;

/// <summary>
/// A buyer's enquiry to a supplier: checked field by field, stored in the database first (so nothing is lost when mail
/// fails), then handed to <see cref="EnquiryMailer"/> to email the programme's inbox and the enterprise.
/// </summary>
public sealed class EnquiryService(SiteDbContextFactory dbFactory, EnquiryMailer mailer, TimeProvider clock)
{
    public const int NameMax = 100;
    public const int CompanyMax = 150;
    public const int CountryMax = 80;
    public const int MessageMax = 4000;

    public const string Required = nameof(Required);
    public const string TooLong = nameof(TooLong);
    public const string Characters = nameof(Characters);
    public const string InvalidEmail = "Email";

    /// <summary>Every error code <see cref="Validate"/> gives; each has a message <c>Form.Error.{code}</c> in the dictionary.</summary>
    public static readonly IReadOnlyList<string> ErrorCodes = [Required, TooLong, Characters, InvalidEmail];

    /// <summary>Field errors by field name, each a code the page turns into a message in the visitor's language.</summary>
    public static IReadOnlyDictionary<string, string> Validate(EnquiryInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Check(string field, string? value, bool required, int max)
        {
            var text = value?.Trim() ?? "";
            if (required && text.Length == 0)
            {
                errors[field] = Required;
            }
            else if (text.Length > max)
            {
                errors[field] = TooLong;
            }
            else if (text.Any(c => char.IsControl(c) && !(field == nameof(EnquiryInput.Message) && c is '\n' or '\r' or '\t')))
            {
                errors[field] = Characters;
            }
        }

        Check(nameof(EnquiryInput.Name), input.Name, required: true, NameMax);
        Check(nameof(EnquiryInput.Company), input.Company, required: false, CompanyMax);
        Check(nameof(EnquiryInput.Country), input.Country, required: true, CountryMax);
        Check(nameof(EnquiryInput.Message), input.Message, required: true, MessageMax);
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors[nameof(EnquiryInput.Email)] = Required;
        }
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal) || email.Any(char.IsControl))
        {
            errors[nameof(EnquiryInput.Email)] = InvalidEmail;
        }

        return errors;
    }

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
