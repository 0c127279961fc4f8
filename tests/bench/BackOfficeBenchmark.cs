using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Spcncl.Bench.Harness;

namespace Spcncl.Bench;

/// <summary>
/// The back office's budget (issue 6): save and publish of a news article in both cultures, through the editor's own
/// form as a browser posts it, on SQLite, measured by the server's own time (Server-Timing) for the whole post: the
/// antiforgery check, validation, the versions, the publish transaction and the snapshot swap. The editor page that
/// follows each save is measured too.
/// </summary>
public static partial class BackOfficeBenchmark
{
    private const string Email = "bench-admin@spcncl.test";
    private const string Password = "Bench-Password-2026";
    private const int WarmUp = 20;
    private const int Count = 300;

    public static async Task RunAsync(Report report, string published)
    {
        var dll = SitePublish.Dll(published);
        var data = BenchFolders.NewTemp("backoffice");
        try
        {
            // The demo database, then the first administrator as an operator makes one.
            await using (await SiteProcess.StartAsync(dll, published, data, serverTiming: false))
            {
            }

            var (exit, output, _) = await SiteProcess.RunCommandAsync(dll, published, data, ["users", "create-admin", "--email", Email, "--password", Password]);
            if (exit != 0)
            {
                throw new InvalidOperationException($"users create-admin failed: {output}");
            }

            await using var site = await SiteProcess.StartAsync(dll, published, data, serverTiming: true);
            using var http = new HttpClient(new LoopbackCookies()) { BaseAddress = new Uri(site.BaseUrl) };
            await SignInAsync(http);
            var editor = await FindArticleEditorAsync(http);

            var saves = new List<double>();
            var pages = new List<double>();
            var client = new List<double>();
            for (var i = 0; i < WarmUp + Count; i++)
            {
                var page = await http.GetAsync(editor);
                var html = await page.Content.ReadAsStringAsync();
                var fields = EditorForm.Fields(html, editor)
                    .Where(f => f.Key is not ("vi.p.summary" or "en.p.summary" or "publish"))
                    .Append(new("vi.p.summary", $"Bản tóm tắt lần thứ {i}."))
                    .Append(new("en.p.summary", $"Summary, version {i}."))
                    .Append(new("publish", "vi"))
                    .Append(new("publish", "en"))
                    .Append(new("action", "publish"))
                    .Append(new("__RequestVerificationToken", EditorForm.Token(html)));
                var watch = Stopwatch.StartNew();
                using var saved = await http.PostAsync(editor, new FormUrlEncodedContent(fields));
                var elapsed = watch.Elapsed.TotalMilliseconds;
                if (saved.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"Save and publish answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
                }

                if (i >= WarmUp)
                {
                    saves.Add(ServerTime(saved));
                    pages.Add(ServerTime(page));
                    client.Add(elapsed);
                }
            }

            // The last version is what English visitors now read.
            var english = LiveEnglishPattern().Match(await http.GetStringAsync(editor)).Groups[1].Value;
            if (!(await http.GetStringAsync(english)).Contains($"Summary, version {WarmUp + Count - 1}.", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The last published summary is not on {english}.");
            }

            report.Add($"Back office: save and publish a news article in both cultures (editor's form, SQLite), server time, median / p95 of {Count}", Stats.MedianP95(saves), "≤ 50 ms");
            report.Add("Back office: the same post, loopback round trip, median", string.Create(CultureInfo.InvariantCulture, $"{Stats.Median(client):0.000} ms"));
            report.Add("Back office: the side-by-side editor page of that article, server time, median / p95", Stats.MedianP95(pages));
        }
        finally
        {
            BenchFolders.TryDelete(data);
        }
    }

    private static double ServerTime(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var timing)
            ? double.Parse(timing.First().Split("dur=")[1], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("No Server-Timing header: the site was started without Site:ServerTiming.");

    private static async Task SignInAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/backoffice/sign-in");
        using var signedIn = await http.PostAsync("/backoffice/sign-in", new FormUrlEncodedContent(
        [
            new("Email", Email),
            new("Password", Password),
            new("__RequestVerificationToken", EditorForm.Token(form)),
        ]));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)signedIn.StatusCode}.");
        }
    }

    /// <summary>The editor of the first article under the news list that has both cultures and a body in each.</summary>
    private static async Task<string> FindArticleEditorAsync(HttpClient http)
    {
        var home = await http.GetStringAsync("/backoffice/content/1");
        var news = NewsListPattern().Match(home) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No news list in the tree.");
        var list = await http.GetStringAsync($"/backoffice/content/{news}");
        foreach (var id in EditLinkPattern().Matches(list).Select(l => l.Groups[1].Value).Where(id => id != news).Distinct())
        {
            var editor = $"/backoffice/content/{id}/edit";
            var fields = EditorForm.Fields(await http.GetStringAsync(editor), editor);
            if (fields.Any(f => f.Key == "en.p.body" && f.Value.Length > 0) && fields.Any(f => f.Key == "vi.p.body" && f.Value.Length > 0))
            {
                return editor;
            }
        }

        throw new InvalidOperationException("No bilingual article under the news list.");
    }

    [GeneratedRegex("href=\"/backoffice/content/([0-9]+)/edit\">(?:Tin tức|News)<")]
    private static partial Regex NewsListPattern();

    [GeneratedRegex("href=\"(/en/[^\"]+)\" target=\"_blank\"")]
    private static partial Regex LiveEnglishPattern();

    [GeneratedRegex("href=\"/backoffice/content/([0-9]+)/edit\"")]
    private static partial Regex EditLinkPattern();
}
