using Spcncl.Hosting;

namespace Spcncl.Tests.Fixtures;

/// <summary>Where the repository's own files are, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = SitePaths.LocateRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);

    public static string USync => Path.Combine(Root, "uSync");

    public static string Views => Path.Combine(Root, "src", "Site", "Views");

    /// <summary>A new empty folder under the system temp directory, removed by the caller or left for the OS.</summary>
    public static string NewTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"spcncl-{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
