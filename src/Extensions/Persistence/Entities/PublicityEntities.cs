namespace Spcncl.Persistence.Entities;

// What visitors send to the news and events pages, and how often each form was downloaded. Rows, not documents:
// they are never published, and staff read them in the back office's inboxes.

/// <summary>A written comment on an announcement during its comment period (the public disclosure of a year's results).</summary>
public sealed class CommentEntity
{
    public int Id { get; set; }

    public Guid Key { get; set; }

    /// <summary>The announcement (a document key).</summary>
    public Guid AnnouncementKey { get; set; }

    public string Culture { get; set; } = "";

    public string Name { get; set; } = "";

    public string Organisation { get; set; } = "";

    public string Email { get; set; } = "";

    public string Comment { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public bool Handled { get; set; }

    public string? HandledBy { get; set; }

    public DateTime? HandledUtc { get; set; }
}

/// <summary>A place asked for at an event that takes registrations on its own page.</summary>
public sealed class EventRegistrationEntity
{
    public int Id { get; set; }

    public Guid Key { get; set; }

    /// <summary>The event (a document key).</summary>
    public Guid EventKey { get; set; }

    public string Culture { get; set; } = "";

    public string Name { get; set; } = "";

    public string Organisation { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public int Attendees { get; set; }

    public string Note { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public bool Handled { get; set; }

    public string? HandledBy { get; set; }

    public DateTime? HandledUtc { get; set; }
}

/// <summary>How many times one file of one document was downloaded (added to in batches, never per request).</summary>
public sealed class DownloadCountEntity
{
    public Guid DocumentKey { get; set; }

    public Guid MediaKey { get; set; }

    public long Count { get; set; }

    public DateTime LastUtc { get; set; }
}
