using Microsoft.Extensions.Options;

namespace Spcncl.Hosting;

/// <summary>
/// Where the site's files are: the root (holding <c>uSync/</c> and <c>wwwroot/</c>), the writable data folder
/// (<c>App_Data</c>, git-ignored) and the uSync folder. Nothing else builds these paths.
/// </summary>
public sealed class SitePaths
{
    public SitePaths(IOptions<SitePathOptions> options, string rootPath)
    {
        Root = Path.GetFullPath(rootPath);
        Data = Path.GetFullPath(options.Value.DataPath ?? Path.Combine(Root, "App_Data"), Root);
        USync = Path.GetFullPath(options.Value.USyncPath ?? Path.Combine(Root, "uSync"), Root);
        WebRoot = Path.Combine(Root, "wwwroot");
    }

    public string Root { get; }

    public string Data { get; }

    public string USync { get; }

    public string WebRoot { get; }

    /// <summary>
    /// Finds the site root: the nearest folder at or above <paramref name="start"/> that holds both <c>uSync</c> and <c>wwwroot</c>.
    /// <c>dotnet run --project src/Site</c> starts in <c>src/Site</c>; a published site starts in its own folder.
    /// </summary>
    public static string? LocateRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "uSync")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>Bound from <c>Site</c>: <c>Site:DataPath</c> and <c>Site:USyncPath</c> override the defaults (relative paths are relative to the root).</summary>
public sealed class SitePathOptions
{
    public string? DataPath { get; set; }

    public string? USyncPath { get; set; }
}
