using System.Diagnostics;

namespace Spcncl.Tests.E2E;

/// <summary>The site's command line and start-up checks, as an operator meets them: exit codes and messages.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string dataFolder, string environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = SiteServer.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiteServer.SiteDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["SPCNCL_ROOT"] = SiteServer.RepositoryRoot;
        start.Environment["Site__DataPath"] = dataFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task CreateAdmin_MakesTheFirstAdministrator_SaysSoWhenItExists_AndRefusesAWeakPassword()
    {
        var data = Path.Combine(Path.GetTempPath(), $"spcncl-cli-{Guid.NewGuid():N}");
        try
        {
            var (created, createdOutput) = await RunAsync(data, "Production", "users", "create-admin", "--email", "chief@example.vn", "--password", "Strong-Passw0rd-2026", "--Site:Database:Provider=Sqlite", "--Site:PublicUrl=https://example.vn");
            Assert.True(created == 0, createdOutput);
            Assert.Contains("Administrator chief@example.vn created", createdOutput, StringComparison.Ordinal);

            var (again, againOutput) = await RunAsync(data, "Production", "users", "create-admin", "--email", "chief@example.vn", "--password", "Strong-Passw0rd-2026", "--Site:Database:Provider=Sqlite", "--Site:PublicUrl=https://example.vn");
            Assert.Equal(0, again);
            Assert.Contains("already exists", againOutput, StringComparison.Ordinal);

            var (weak, weakOutput) = await RunAsync(data, "Production", "users", "create-admin", "--email", "second@example.vn", "--password", "short", "--Site:Database:Provider=Sqlite", "--Site:PublicUrl=https://example.vn");
            Assert.Equal(1, weak);
            Assert.Contains("at least 12 characters", weakOutput, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(data, true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task OutsideDevelopment_AMissingPublicUrl_StopsStartUpWithOneClearMessage()
    {
        var data = Path.Combine(Path.GetTempPath(), $"spcncl-cli-{Guid.NewGuid():N}");
        var (exit, output) = await RunAsync(data, "Staging", "--urls", "http://127.0.0.1:0", "--Site:Database:Provider=Sqlite");

        Assert.Equal(1, exit);
        Assert.Contains("Site:PublicUrl must be set in the Staging environment", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
