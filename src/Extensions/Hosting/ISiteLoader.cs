namespace Spcncl.Hosting;

/// <summary>
/// Loads something the site keeps in memory (dictionary, published snapshot, media index) once the database is
/// migrated and uSync imported. Each capability registers its own; <see cref="SiteInitializer"/> runs them together.
/// </summary>
public interface ISiteLoader
{
    Task LoadAsync(CancellationToken ct);
}
