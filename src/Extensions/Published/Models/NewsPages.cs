using Spcncl.Markdown;

namespace Spcncl.Published.Models;

// The typed models of news, broadcast reports, announcements, events and the documents library (issue: news,
// broadcast reports, events and downloadable forms). Each property reads the alias of the same name in
// uSync/DocumentTypes/{alias}.json.

[DocumentTypeModel("newsList")]
public sealed class NewsListPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");

    /// <summary>The items published in this culture, newest first.</summary>
    public IReadOnlyList<NewsItemPage> Items => [.. Children.OfType<NewsItemPage>().OrderByDescending(i => i.PublishDate).ThenByDescending(i => i.Id)];
}

[DocumentTypeModel("newsArticle")]
public sealed class NewsArticlePage(PublishedPageContext context) : NewsItemPage(context)
{
    public override string Category => Text("category") ?? "news";
}

[DocumentTypeModel("broadcastReport")]
public sealed class BroadcastReportPage(PublishedPageContext context) : NewsItemPage(context)
{
    public override string Category => "broadcast";

    public Guid? VideoKey => PickedKey("video");

    public Guid? PosterKey => PickedKey("poster");

    /// <summary>The caption file of each culture that has one: a viewer can pick either language whatever the page's.</summary>
    public IReadOnlyDictionary<string, Guid> Captions =>
        Snapshot.Cultures.Codes
            .Select(culture => (culture, Key: PickedKeyIn("captions", culture)))
            .Where(c => c.Key is not null)
            .ToDictionary(c => c.culture, c => c.Key!.Value, StringComparer.Ordinal);

    public string? YoutubeUrl => Text("youtubeUrl");

    public string? Broadcaster => Text("broadcaster");

    public DateTimeOffset? AirDate => DateTime("airDate");

    public int? DurationSeconds => Number("durationSeconds") is { } seconds ? (int)seconds : null;

    public SanitizedHtml Transcript => Markdown("transcript");

    /// <summary>The transcript as plain text (for the video's structured data).</summary>
    public string? TranscriptText => Text("transcript") is { } markdown ? Markdig.Markdown.ToPlainText(markdown).Trim() : null;
}

[DocumentTypeModel("announcement")]
public sealed class AnnouncementPage(PublishedPageContext context) : NewsItemPage(context)
{
    public override string Category => "announcement";

    /// <summary>Until when written comments are taken; null when the announcement asks for none.</summary>
    public DateTimeOffset? CommentDeadline => DateTime("commentDeadline");

    public SanitizedHtml HowToComment => Markdown("howToComment");

    public bool AcceptsOnlineComments => Boolean("acceptOnlineComments") && CommentDeadline is not null;

    public IReadOnlyList<PublishedPage> RelatedDocuments => PickedMany("relatedDocuments");
}

[DocumentTypeModel("eventList")]
public sealed class EventListPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");

    public IEnumerable<EventPage> Events => ChildrenOf<EventPage>();
}

[DocumentTypeModel("event")]
public sealed class EventPage(PublishedPageContext context) : PublishedPage(context)
{
    public string EventType => Text("eventType") ?? "conference";

    public string? EventTypeLabel => OptionLabel("eventType", EventType);

    public string Summary => Text("summary") ?? "";

    /// <summary>With its offset as entered (Hanoi time, +07:00).</summary>
    public DateTimeOffset Start => DateTime("start") ?? new DateTimeOffset(PublishedUtc);

    public DateTimeOffset End => DateTime("end") is { } end && end >= Start ? end : Start;

    public string? Venue => Text("venue");

    public string? Address => Text("address");

    public string? Organiser => Text("organiser");

    public SanitizedHtml Body => Markdown("body");

    public SanitizedHtml Agenda => Markdown("agenda");

    public Guid? CoverImageKey => PickedKey("coverImage");

    public string? LiveUrl => Text("liveUrl");

    public string? RegistrationUrl => Text("registrationUrl");

    public bool TakesRegistrations => Boolean("registrationForm");

    /// <summary>When registration closes: the deadline the editor set, otherwise the start.</summary>
    public DateTimeOffset RegistrationCloses => DateTime("registrationDeadline") ?? Start;

    /// <summary>Booth and enterprise key, in the editor's order.</summary>
    public IReadOnlyList<(string Booth, Guid Enterprise)> Exhibitors =>
        [.. KeyValues("exhibitors").Select(e => (e.Key, Guid.TryParse(e.Value, out var key) ? key : Guid.Empty)).Where(e => e.Item2 != Guid.Empty)];
}

[DocumentTypeModel("documentLibrary")]
public sealed class DocumentLibraryPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");

    public IEnumerable<DocumentPage> Documents => ChildrenOf<DocumentPage>();
}

[DocumentTypeModel("document")]
public sealed class DocumentPage(PublishedPageContext context) : PublishedPage(context)
{
    public string Kind => Text("documentType") ?? "guideline";

    public string? KindLabel => OptionLabel("documentType", Kind);

    public int Year => Number("year") is { } year ? (int)year : PublishedUtc.Year;

    public string? Summary => Text("summary");

    /// <summary>The file of this page's content culture.</summary>
    public Guid? FileKey => PickedKey("file");

    public Guid? AlternateFileKey => PickedKey("alternateFile");

    /// <summary>The file of a given culture, for "download the Vietnamese version" from the English page.</summary>
    public Guid? FileIn(string culture) => PickedKeyIn("file", culture);

    public Guid? AlternateFileIn(string culture) => PickedKeyIn("alternateFile", culture);

    public DateOnly? Deadline => Date("deadline");

    public string? DeadlineLabel => Text("deadlineLabel");

    public SanitizedHtml Body => Markdown("body");
}
