using Spcncl.Forms;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Publicity;

/// <summary>
/// Written comments on an announcement while its comment period is open (the public disclosure of a year's selection
/// results). The deadline is checked here, on the server, at the moment of the post: a form left open past it stores
/// nothing and says so. Accepted comments are stored for the back office's inbox.
/// </summary>
public sealed class CommentService(SiteDbContextFactory dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<FieldRule> Rules =
    [
        new(nameof(CommentInput.Name), Required: true, FormLimits.Name),
        new(nameof(CommentInput.Organisation), Required: false, FormLimits.Organisation),
        new(nameof(CommentInput.Email), Required: true, FormLimits.Email, FieldKind.Email),
        new(nameof(CommentInput.Comment), Required: true, FormLimits.LongText, FieldKind.MultiLine),
    ];

    public bool IsOpen(DateTimeOffset? deadline) => deadline is { } until && clock.GetUtcNow() <= until;

    public static IReadOnlyDictionary<string, string> Validate(CommentInput input) =>
        FormValidator.Validate(Rules, field => field switch
        {
            nameof(CommentInput.Name) => input.Name,
            nameof(CommentInput.Organisation) => input.Organisation,
            nameof(CommentInput.Email) => input.Email,
            nameof(CommentInput.Comment) => input.Comment,
            _ => null,
        });

    /// <summary>Stores the comment if the period is still open and every field is right; otherwise says why and stores nothing.</summary>
    public async Task<FormOutcome> SubmitAsync(Guid announcementKey, DateTimeOffset? deadline, string culture, CommentInput input, CancellationToken ct)
    {
        if (!IsOpen(deadline))
        {
            return FormOutcome.Closed;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return FormOutcome.Invalid(errors);
        }

        var entity = new CommentEntity
        {
            Key = Guid.NewGuid(),
            AnnouncementKey = announcementKey,
            Culture = culture,
            Name = input.Name!.Trim(),
            Organisation = input.Organisation?.Trim() ?? "",
            Email = input.Email!.Trim(),
            Comment = input.Comment!.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = dbFactory.CreateDbContext();
        db.Comments.Add(entity);
        await db.SaveChangesAsync(ct);
        return FormOutcome.Accepted(entity.Key);
    }
}

/// <summary>What a commenter typed. <see cref="Website"/> is a honeypot: people never see it, robots fill it in.</summary>
public sealed class CommentInput
{
    public string? Name { get; set; }

    public string? Organisation { get; set; }

    public string? Email { get; set; }

    public string? Comment { get; set; }

    public string? Website { get; set; }

    public bool IsRobot => !string.IsNullOrEmpty(Website);
}
