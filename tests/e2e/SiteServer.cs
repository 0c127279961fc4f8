using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Spcncl.Tests.E2E;

/// <summary>
/// The site as users get it: SPCNCL.Site.dll on Kestrel in its own process, on a free loopback port, with a fresh
/// App_Data (so it creates its database and imports uSync exactly as on a first start). Shared by all e2e tests.
/// </summary>
public sealed class SiteServer : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _dataFolder;

    /// <summary>When the site's clock starts (Hanoi time): the day the demo content describes.</summary>
    public const string ClockStart = "2026-12-01T09:00:00+07:00";

    public string BaseUrl { get; private set; } = "";

    public int Port { get; private set; }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The built site: SPCNCL_SITE_DLL (tests/run.sh sets it), or the build output beside these tests.</summary>
    public static string SiteDll =>
        Environment.GetEnvironmentVariable("SPCNCL_SITE_DLL") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot, "src", "Site", "bin", Configuration, "net10.0", "SPCNCL.Site.dll");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var dll = SiteDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The site is not built: {dll} is missing. Run tests/run.sh, or build src/Site first.");
        }

        Port = FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}";
        _dataFolder = Path.Combine(Path.GetTempPath(), $"spcncl-e2e-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["SPCNCL_ROOT"] = RepositoryRoot;
        start.Environment["Site__DataPath"] = _dataFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The journeys post several enquiries from one address; the limit itself is tested in the integration tests.
        start.Environment["Site__PublicForms__PermitLimit"] = "50";

        // The demo content's calendar: on this morning the 2026 comment period and the 2027 call are open and the
        // ceremony and the fair are ahead, whatever day the tests run.
        start.Environment["Site__ClockStart"] = ClockStart;

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the site.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The site stopped during start-up (exit {_process.ExitCode}):\n{Output}");
            }

            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(150);
        }

        throw new TimeoutException($"The site did not answer /health within 60 s:\n{Output}");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        try
        {
            if (_dataFolder is not null)
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends raw bytes to Kestrel and returns the status code of the answer (for requests no HTTP client would send).</summary>
    public async Task<int> RawRequestStatusAsync(string requestTarget)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        await using var stream = client.GetStream();
        var request = Encoding.Latin1.GetBytes($"GET {requestTarget} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var statusLine = await reader.ReadLineAsync() ?? "";
        var parts = statusLine.Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : -1;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SPCNCL.Site.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (SPCNCL.Site.sln).");
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteServer>, ICollectionFixture<Browser>
{
    public const string Name = "site";
}
