namespace Spcncl.Hosting;

/// <summary>
/// Loads something the site keeps in memory (dictionary, published snapshot, media index) once the database is
/// migrated and uSync imported. Each capability registers its own; <see cref="SiteInitializer"/> runs them together.
/// </summary>
public interface ISiteLoader
{
    Task LoadAsync(CancellationToken ct);
}

/// <summary>
/// Runs once every <see cref="ISiteLoader"/> has finished, for what is derived from their results (the search index is
/// built from the published snapshot and the registry). It should return quickly and do long work in the background.
/// </summary>
public interface ISiteLoadedHandler
{
    Task OnSiteLoadedAsync(CancellationToken ct);
}
