using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Spcncl.Bench.Harness;

/// <summary>The built site started as its own process on a free loopback port, as a visitor's request would find it.</summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiteProcess(Process process, string baseUrl, TimeSpan firstOk)
    {
        _process = process;
        BaseUrl = baseUrl;
        TimeToFirstOk = firstOk;
    }

    public string BaseUrl { get; }

    /// <summary>From process start to the first 200 of <c>/vi/</c>.</summary>
    public TimeSpan TimeToFirstOk { get; }

    public int ProcessId => _process.Id;

    /// <param name="root">The site root (uSync, wwwroot): a publish folder, or the repository for the build output.</param>
    public static async Task<SiteProcess> StartAsync(string dll, string root, string dataFolder, bool serverTiming)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = StartInfo(dll, root, dataFolder, ["--urls", baseUrl]);
        start.Environment["Site__PublicUrl"] = baseUrl;
        start.Environment["Site__ServerTiming"] = serverTiming ? "true" : "false";

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync($"{baseUrl}/vi/")).StatusCode == HttpStatusCode.OK)
                {
                    return new SiteProcess(process, baseUrl, watch.Elapsed);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not yet listening.
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {process.ExitCode}.");
            }

            await Task.Delay(5);
        }

        process.Kill(true);
        throw new TimeoutException("The site did not answer within 60 s.");
    }

    /// <summary>
    /// Runs a command of the site (<c>registry import FILE</c>) on a data folder, as an operator would, and returns its
    /// exit code, output and wall-clock time (host start-up included).
    /// </summary>
    public static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunCommandAsync(string dll, string root, string dataFolder, IEnumerable<string> arguments)
    {
        var start = StartInfo(dll, root, dataFolder, arguments);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors, watch.Elapsed);
    }

    /// <summary>Waits until <c>/health</c> says the search index is built and no rebuild is under way (it is built in the background at start-up).</summary>
    public async Task WaitForSearchIndexAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            using var health = JsonDocument.Parse(await http.GetStringAsync($"{BaseUrl}/health"));
            var search = health.RootElement.GetProperty("checks").GetProperty("search");
            if (search.GetProperty("status").GetString() == "Healthy" && !search.GetProperty("data").GetProperty("rebuilding").GetBoolean())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The search index was not built within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>Resident memory of the site process, from /proc.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The site's settings for a benchmark: production, SQLite in <paramref name="dataFolder"/>, warnings only.</summary>
    private static ProcessStartInfo StartInfo(string dll, string root, string dataFolder, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["SPCNCL_ROOT"] = root;
        start.Environment["Site__DataPath"] = dataFolder;
        start.Environment["Site__Database__Provider"] = "Sqlite";
        start.Environment["AllowedHosts"] = "*";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
