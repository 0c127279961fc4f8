namespace Spcncl.Persistence.Entities;

/// <summary>
/// A redirect an editor added by hand (an old site's address, a short campaign link): the old path answers 301 to a
/// local target. Automatic redirects (<see cref="RedirectEntity"/>) follow pages; these point at a fixed address.
/// </summary>
public sealed class ManualRedirectEntity
{
    public int Id { get; set; }

    /// <summary>The old path, lower case, without a trailing slash or query: <c>/tin-tuc/chi-tiet.aspx</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>A local address (a path, perhaps with a query): <c>/vi/tin-tuc</c>.</summary>
    public string Target { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
