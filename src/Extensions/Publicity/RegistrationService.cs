using Spcncl.Forms;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Publicity;

/// <summary>
/// Places asked for at an event that takes registrations on its own page (a training class, a conference). Open until
/// the event's registration deadline (its start by default), checked at the moment of the post; stored for the back
/// office's inbox.
/// </summary>
public sealed class RegistrationService(SiteDbContextFactory dbFactory, TimeProvider clock)
{
    public const int MaxAttendees = 20;

    public static readonly IReadOnlyList<FieldRule> Rules =
    [
        new(nameof(RegistrationInput.Name), Required: true, FormLimits.Name),
        new(nameof(RegistrationInput.Organisation), Required: true, FormLimits.Organisation),
        new(nameof(RegistrationInput.Email), Required: true, FormLimits.Email, FieldKind.Email),
        new(nameof(RegistrationInput.Phone), Required: false, FormLimits.Phone, FieldKind.Phone),
        new(nameof(RegistrationInput.Attendees), Required: true, 2, FieldKind.Number, Min: 1, Max: MaxAttendees),
        new(nameof(RegistrationInput.Note), Required: false, FormLimits.Note, FieldKind.MultiLine),
    ];

    public bool IsOpen(DateTimeOffset closes) => clock.GetUtcNow() < closes;

    public static IReadOnlyDictionary<string, string> Validate(RegistrationInput input) =>
        FormValidator.Validate(Rules, field => field switch
        {
            nameof(RegistrationInput.Name) => input.Name,
            nameof(RegistrationInput.Organisation) => input.Organisation,
            nameof(RegistrationInput.Email) => input.Email,
            nameof(RegistrationInput.Phone) => input.Phone,
            nameof(RegistrationInput.Attendees) => input.Attendees,
            nameof(RegistrationInput.Note) => input.Note,
            _ => null,
        });

    public async Task<FormOutcome> SubmitAsync(Guid eventKey, DateTimeOffset closes, string culture, RegistrationInput input, CancellationToken ct)
    {
        if (!IsOpen(closes))
        {
            return FormOutcome.Closed;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return FormOutcome.Invalid(errors);
        }

        var entity = new EventRegistrationEntity
        {
            Key = Guid.NewGuid(),
            EventKey = eventKey,
            Culture = culture,
            Name = input.Name!.Trim(),
            Organisation = input.Organisation!.Trim(),
            Email = input.Email!.Trim(),
            Phone = input.Phone?.Trim() ?? "",
            Attendees = int.Parse(input.Attendees!.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            Note = input.Note?.Trim() ?? "",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = dbFactory.CreateDbContext();
        db.EventRegistrations.Add(entity);
        await db.SaveChangesAsync(ct);
        return FormOutcome.Accepted(entity.Key);
    }
}

/// <summary>What a registrant typed; <see cref="Attendees"/> stays text so a wrong value comes back as typed. <see cref="Website"/> is a honeypot.</summary>
public sealed class RegistrationInput
{
    public string? Name { get; set; }

    public string? Organisation { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Attendees { get; set; } = "1";

    public string? Note { get; set; }

    public string? Website { get; set; }

    public bool IsRobot => !string.IsNullOrEmpty(Website);
}
