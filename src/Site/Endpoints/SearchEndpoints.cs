using Spcncl.Localization;
using Spcncl.Search;

namespace Spcncl.Site.Endpoints;

/// <summary>The type-ahead behind the header's search box: product and enterprise names as JSON, with or without accents.</summary>
public static class SearchEndpoints
{
    public const string SuggestPath = "/api/search/suggest";

    public static string SuggestUrl(string culture) => $"{SuggestPath}?culture={Uri.EscapeDataString(culture)}";

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SuggestPath, (HttpContext context, SearchService search, SiteCultures cultures, string? q, string? culture) =>
        {
            var code = cultures.IsSupported(culture) ? culture! : cultures.Default.Code;
            var items = search.Suggest(q, code).Select(s => new SuggestionItem(s.Title, s.TitleCulture, s.Kind.ToString().ToLowerInvariant(), s.Url));

            // The same words give the same names for a short while (the culture is part of the URL).
            context.Response.Headers.CacheControl = "public, max-age=60";
            return Results.Json(items);
        })
        .WithName("SearchSuggest")
        .WithSummary("Up to 8 product and enterprise names matching what was typed (the last word as a prefix), in the given culture.");
        return app;
    }

    private sealed record SuggestionItem(string Title, string Lang, string Type, string Url);
}
