using System.Diagnostics;
using System.Globalization;

namespace Spcncl.Bench.Harness;

/// <summary>Requests one URL many times, after a warm-up, and collects the server's own time (Server-Timing) and the loopback round trip.</summary>
public static class ServerTimingProbe
{
    public const int WarmUp = 300;

    public static async Task<Timings> MeasureAsync(HttpClient http, string url, int count) => (await MeasureAsync(http, [url], count))[0];

    /// <summary>
    /// Several URLs in turn (one request each, round after round), so that each sees the same conditions: warm-up
    /// rounds first (just-in-time compilation, caches), then <paramref name="count"/> measured rounds.
    /// </summary>
    public static async Task<IReadOnlyList<Timings>> MeasureAsync(HttpClient http, IReadOnlyList<string> urls, int count)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            foreach (var url in urls)
            {
                (await http.GetAsync(url)).Dispose();
            }
        }

        var timings = urls.Select(_ => (Server: new List<double>(count), Client: new List<double>(count))).ToList();
        for (var i = 0; i < count; i++)
        {
            for (var u = 0; u < urls.Count; u++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(urls[u]);
                _ = await response.Content.ReadAsByteArrayAsync();
                timings[u].Client.Add(watch.Elapsed.TotalMilliseconds);
                if (response.Headers.TryGetValues("Server-Timing", out var timing))
                {
                    timings[u].Server.Add(double.Parse(timing.First().Split("dur=")[1], CultureInfo.InvariantCulture));
                }
            }
        }

        return [.. timings.Select(t => new Timings(t.Server, t.Client))];
    }
}

/// <summary>Server times (from Server-Timing) and client round trips of one URL, in milliseconds.</summary>
public sealed record Timings(IReadOnlyList<double> Server, IReadOnlyList<double> Client)
{
    public double ServerMedian => Stats.Median(Server);

    public double ServerP95 => Stats.P95(Server);

    public double ClientMedian => Stats.Median(Client);
}
