using Spcncl.Hosting;

namespace Spcncl.Bench.Harness;

/// <summary>Where the repository and its build are, and the throwaway folders a benchmark works in.</summary>
public static class BenchFolders
{
    public static string Root { get; } = SitePaths.LocateRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");

    public static string USync => Path.Combine(Root, "uSync");

    /// <summary>The site as <c>dotnet build -c Release</c> leaves it (what <c>dotnet run</c> starts).</summary>
    public static string BuildOutputDll => Path.Combine(Root, "src", "Site", "bin", "Release", "net10.0", "SPCNCL.Site.dll");

    /// <summary>A new empty folder under the system temp directory.</summary>
    public static string NewTemp(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), $"spcncl-bench-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Still open somewhere: left for the OS's temp clean-up.
        }
    }
}
