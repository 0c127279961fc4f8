using System.Diagnostics;

namespace Spcncl.Bench.Harness;

/// <summary>
/// The deployable artefact: <c>dotnet publish</c> (ReadyToRun) into a temp folder, which is a complete site root.
/// Budgets are checked against it; deleting it is the caller's.
/// </summary>
public static class SitePublish
{
    public static async Task<string> PublishAsync(TextWriter log)
    {
        var folder = BenchFolders.NewTemp("publish");
        log.WriteLine($"Publishing the site (ReadyToRun) to {folder} …");
        using var publish = Process.Start(new ProcessStartInfo(
            "dotnet",
            ["publish", Path.Combine(BenchFolders.Root, "src", "Site"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", folder, "-nologo", "-v", "quiet"]))!;
        await publish.WaitForExitAsync();
        return publish.ExitCode == 0 ? folder : throw new InvalidOperationException("dotnet publish failed.");
    }

    public static string Dll(string folder) => Path.Combine(folder, "SPCNCL.Site.dll");
}
