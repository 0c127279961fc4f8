using System.Net;
using System.Xml.Linq;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.Persistence;
using Spcncl.Published;
using Spcncl.Publicity;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Integration;

/// <summary>
/// News, events and documents over HTTP, as visitors and feed readers get them: feeds per language, the fallback rule
/// in the lists, calendars across the +07:00 offset, downloads with their names and headers, comments and
/// registrations before and after their deadlines. The same tests run on SQLite and on PostgreSQL.
/// </summary>
public abstract class PublicityTests(SiteFactory site) : IDisposable
{
    private static readonly DateTimeOffset DemoNow = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private PublishedSnapshot Snapshot => site.Services.GetRequiredService<PublishedSnapshotService>().Current;

    public void Dispose()
    {
        site.Clock.Reset();
        GC.SuppressFinalize(this);
    }

    private string UrlOf(string type, string culture, Func<PublishedDocument, bool>? where = null) =>
        Snapshot.OfType(type).Where(d => where is null || where(d)).Select(d => Snapshot.In(d, culture)?.Url).First(u => u is not null)!;

    private PublishedDocument Named(string type, string vietnameseName) =>
        Snapshot.OfType(type).Single(d => d.Variants["vi"].Name == vietnameseName);

    private static bool IsVietnameseOnly(PublishedDocument d) => !d.Variants.ContainsKey("en");

    [Fact]
    public async Task NewsFeeds_ParseAsRssAndAtom_WithEachLanguagesOwnItems()
    {
        var snapshot = Snapshot;
        var news = snapshot.OfType("newsList").Single();
        var items = snapshot.Children(news).ToList();
        var vietnameseOnly = items.Where(IsVietnameseOnly).ToList();
        Assert.NotEmpty(vietnameseOnly);

        var rss = XDocument.Parse(await site.Browser().GetStringAsync("/en/news/rss.xml"));
        var rssItems = rss.Root!.Element("channel")!.Elements("item").ToList();
        Assert.Equal("2.0", rss.Root.Attribute("version")!.Value);
        Assert.Equal(Math.Min(NewsFeed.MaxItems, items.Count - vietnameseOnly.Count), rssItems.Count);
        Assert.All(rssItems, i => Assert.StartsWith("http://localhost/en/news/", i.Element("link")!.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(rssItems, i => vietnameseOnly.Any(v => i.Element("title")!.Value == v.Variants["vi"].Name));
        Assert.True(DateTimeOffset.Parse(rssItems[0].Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.Parse(rssItems[^1].Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await site.Browser().GetStringAsync("/vi/tin-tuc/atom.xml"));
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal("vi", feed.Root.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal(Math.Min(NewsFeed.MaxItems, items.Count), entries.Count);
        Assert.All(entries, e => Assert.StartsWith("urn:uuid:", e.Element(atom + "id")!.Value, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.StartsWith("http://localhost/vi/tin-tuc/", e.Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal));

        // Both feeds are advertised on the news list and on the home page.
        foreach (var page in new[] { "/en/news", "/en/" })
        {
            var html = await site.Browser().GetStringAsync(page);
            Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/en/news/atom.xml\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AVietnameseOnlyArticle_IsLeftOutOfEnglishLists_AndHasNoEnglishUrl()
    {
        var article = Snapshot.OfType("newsArticle").First(IsVietnameseOnly);
        var vietnameseUrl = Snapshot.In(article, "vi")!.Url!;
        var name = System.Net.WebUtility.HtmlEncode(article.Variants["vi"].Name);

        var english = await site.Browser().GetStringAsync("/en/news?page=1") + await site.Browser().GetStringAsync("/en/news?page=2") + await site.Browser().GetStringAsync("/en/news?page=3");
        var vietnamese = string.Concat(await Task.WhenAll(Enumerable.Range(1, 3).Select(p => site.Browser().GetStringAsync($"/vi/tin-tuc?page={p}"))));

        Assert.DoesNotContain(name, english, StringComparison.Ordinal);
        Assert.Contains(vietnameseUrl, vietnamese, StringComparison.Ordinal);
        Assert.Null(Snapshot.In(article, "en"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync("/en/news/" + article.Variants["vi"].UrlSegment)).StatusCode);
    }

    [Fact]
    public async Task NewsList_FiltersByCategory_AndIgnoresUnknownValues()
    {
        var press = await site.Browser().GetStringAsync("/en/news?category=pressRelease");
        var all = await site.Browser().GetStringAsync("/en/news?category=%3Cscript%3E&page=999");

        Assert.Contains("aria-current=\"page\">Press releases", press, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"badge\">News</span>", press, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", all, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">All", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArticle_HasOpenGraphTwitterAndNewsArticleJsonLd()
    {
        var url = UrlOf("newsArticle", "en", d => d.SharedValues.ContainsKey("coverImage"));
        var html = await site.Browser().GetStringAsync(url);

        Assert.Contains("<meta property=\"og:type\" content=\"article\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"http://localhost{url}\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image\" content=\"http://localhost/media/", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", html, StringComparison.Ordinal);
        var json = System.Text.Json.JsonDocument.Parse(System.Text.RegularExpressions.Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>").Groups[1].Value).RootElement;
        Assert.Equal("NewsArticle", json.GetProperty("@type").GetString());
        Assert.EndsWith("+07:00", json.GetProperty("datePublished").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABroadcastReport_OffersCaptionsInBothLanguages_AndAYoutubeReportRequestsNothingFromYoutube()
    {
        var selfHosted = await site.Browser().GetStringAsync(UrlOf("broadcastReport", "en", d => d.SharedValues.ContainsKey("video")));
        Assert.Contains("<video controls", selfHosted, StringComparison.Ordinal);
        Assert.Contains("srclang=\"en\"", selfHosted, StringComparison.Ordinal);
        Assert.Contains("srclang=\"vi\"", selfHosted, StringComparison.Ordinal);
        Assert.Contains("\"@type\":\"VideoObject\"", selfHosted, StringComparison.Ordinal);

        var youtube = await site.Browser().GetStringAsync(UrlOf("broadcastReport", "vi", d => d.SharedValues.ContainsKey("youtubeUrl")));
        Assert.Contains("data-embed=\"https://www.youtube-nocookie.com/embed/", youtube, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", youtube, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"https://www.youtube", youtube, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventsCalendar_RoundTripsThroughIcalNet_WithTheRightInstantAcrossThePlus7Offset()
    {
        site.Clock.Set(DemoNow);
        var ceremony = Named("event", "Lễ tôn vinh sản phẩm công nghiệp chủ lực năm 2026");
        var url = Snapshot.In(ceremony, "en")!.Url!;

        var response = await site.Browser().GetAsync(url + "/calendar.ics");
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        var entry = Assert.Single(calendar.Events);

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 12, 18, 12, 30, 0, DateTimeKind.Utc), entry!.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 18, 14, 30, 0, DateTimeKind.Utc), entry.DtEnd!.AsUtc);
        Assert.Equal($"{ceremony.Key:D}@spcncl", entry.Uid);
        Assert.Equal("2026 honouring ceremony", entry.Summary);
        Assert.Contains("Hanoi Opera House", entry.Location, StringComparison.Ordinal);

        // The feed holds every upcoming event and nothing past.
        var feed = Calendar.Load(await site.Browser().GetStringAsync("/vi/su-kien/calendar.ics"))!;
        var upcoming = Snapshot.OfType("event").Where(e => DateTimeOffset.Parse(e.SharedValues["end"].GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= DemoNow).ToList();
        Assert.Equal(upcoming.Select(e => $"{e.Key:D}@spcncl").Order(), feed.Events.Select(e => e!.Uid).Order());
    }

    [Fact]
    public async Task EventsList_PutsUpcomingFirst_ThenPastByYear()
    {
        site.Clock.Set(DemoNow);
        var html = await site.Browser().GetStringAsync("/en/events");

        var upcoming = html.IndexOf("id=\"upcoming-title\"", StringComparison.Ordinal);
        var past = html.IndexOf("id=\"past-title\"", StringComparison.Ordinal);
        Assert.True(upcoming > 0 && past > upcoming);
        Assert.True(html.IndexOf("2026 honouring ceremony", StringComparison.Ordinal) is var next && next > upcoming && next < past);
        Assert.True(html.IndexOf("id=\"past-2025\"", StringComparison.Ordinal) < html.IndexOf("id=\"past-2024\"", StringComparison.Ordinal));
        Assert.Contains("The trade fair opens in 324 days", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownload_IsAnAttachmentUnderItsVietnameseName_WithNosniffRangesAndACount()
    {
        var document = Named("document", "Phiếu mời tham gia bình chọn năm 2027");
        var page = Snapshot.In(document, "vi")!.Url!;
        var counter = site.Services.GetRequiredService<DownloadCounter>();
        var before = await counter.TotalAsync(document.Key);

        var response = await site.Browser().GetAsync(page + "/download/vi.docx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Phiếu mời tham gia bình chọn năm 2027.docx", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("Phieu moi tham gia binh chon nam 2027.docx", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, page + "/download/en.pdf");
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 7);
        var part = await site.Browser().SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("%PDF-1.", System.Text.Encoding.ASCII.GetString(await part.Content.ReadAsByteArrayAsync())[..7]);

        await counter.FlushAsync();
        Assert.Equal(before + 2, await counter.TotalAsync(document.Key));
        await using var db = site.Services.GetRequiredService<SiteDbContextFactory>().CreateDbContext();
        Assert.True(await db.DownloadCounts.Where(d => d.DocumentKey == document.Key).SumAsync(d => d.Count) >= 2);
    }

    [Theory]
    [InlineData("/download/fr.pdf")]
    [InlineData("/download/vi.exe")]
    [InlineData("/download/..%2f..%2fspcncl.db")]
    [InlineData("/download/vi")]
    [InlineData("/download")]
    public async Task ADownloadThatDoesNotExist_IsTheFriendly404(string suffix)
    {
        var page = Snapshot.In(Named("document", "Phiếu mời tham gia bình chọn năm 2027"), "vi")!.Url!;

        var response = await site.Browser().GetAsync(page + suffix);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AnnouncementComments_AreStoredBeforeTheDeadline_AndRefusedWithTheTextKeptAfterIt()
    {
        var announcement = Named("announcement", "Công khai kết quả bình chọn sản phẩm năm 2026 để lấy ý kiến");
        var url = Snapshot.In(announcement, "en")!.Url!;
        var fields = new Dictionary<string, string> { ["Name"] = "Nguyễn Văn An", ["Organisation"] = "Hiệp hội Doanh nghiệp", ["Email"] = "an@example.vn", ["Comment"] = "Đề nghị xem xét lại tiêu chí xuất khẩu.\nTrân trọng." };

        site.Clock.Set(new DateTimeOffset(2026, 12, 8, 16, 59, 0, TimeSpan.FromHours(7)));
        var accepted = await PageForm.PostAsync(site.Browser(), url, fields);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal(url + "/comment-sent#main", accepted.Headers.Location!.OriginalString);
        await using (var db = site.Services.GetRequiredService<SiteDbContextFactory>().CreateDbContext())
        {
            var stored = await db.Comments.SingleAsync(c => c.AnnouncementKey == announcement.Key && c.Name == "Nguyễn Văn An");
            Assert.Equal("Đề nghị xem xét lại tiêu chí xuất khẩu.\nTrân trọng.", stored.Comment.ReplaceLineEndings("\n"));
            Assert.Equal("en", stored.Culture);
        }

        // A page opened before 17:00 and sent after it: refused, nothing stored, the comment given back.
        var form = await PageForm.OpenAsync(site.Browser(), url);
        site.Clock.Set(new DateTimeOffset(2026, 12, 8, 17, 1, 0, TimeSpan.FromHours(7)));
        var late = await form.PostAsync(new Dictionary<string, string>(fields) { ["Comment"] = "Gửi muộn" });
        var html = await late.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("The deadline passed before this was sent", html, StringComparison.Ordinal);
        Assert.Contains("Gửi muộn", html, StringComparison.Ordinal);
        await using (var db = site.Services.GetRequiredService<SiteDbContextFactory>().CreateDbContext())
        {
            Assert.False(await db.Comments.AnyAsync(c => c.Comment == "Gửi muộn"));
        }

        var closed = await site.Browser().GetStringAsync(url);
        Assert.Contains("The comment period has closed", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Comment\"", closed, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadComments => new()
    {
        { "Email", "not-an-email", "Enter an email address like name@example.com." },
        { "Comment", new string('x', 4001), "This is longer than the field allows; shorten it." },
        { "Comment", "", "Fill in this field." },
        { "Name", "A\u0007B", "Remove the control characters from this field." },
    };

    [Theory]
    [MemberData(nameof(BadComments))]
    public async Task ABadComment_GetsItsMessageByTheField_AndKeepsWhatWasTyped(string field, string value, string message)
    {
        site.Clock.Set(DemoNow);
        var url = Snapshot.In(Named("announcement", "Công khai kết quả bình chọn sản phẩm năm 2026 để lấy ý kiến"), "en")!.Url!;
        var fields = new Dictionary<string, string> { ["Name"] = "Trần Thị Bình", ["Organisation"] = "", ["Email"] = "binh@example.vn", ["Comment"] = "Ý kiến của tôi", [field] = value };

        var response = await PageForm.PostAsync(site.Browser(), url, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<p class=\"field-error\" id=\"{field}-error\">{System.Net.WebUtility.HtmlEncode(message)}</p>", html, StringComparison.Ordinal);
        var kept = field == "Comment" ? "binh@example.vn" : "Ý kiến của tôi";
        Assert.Contains(kept, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommentWithoutItsToken_IsNotStored()
    {
        site.Clock.Set(DemoNow);
        var url = Snapshot.In(Named("announcement", "Công khai kết quả bình chọn sản phẩm năm 2026 để lấy ý kiến"), "vi")!.Url!;
        var fields = new Dictionary<string, string> { ["Name"] = "Không có mã", ["Email"] = "x@example.vn", ["Comment"] = "Không có mã bảo vệ" };

        var response = await PageForm.PostAsync(site.Browser(), url, fields, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = site.Services.GetRequiredService<SiteDbContextFactory>().CreateDbContext();
        Assert.False(await db.Comments.AnyAsync(c => c.Name == "Không có mã"));
    }

    [Fact]
    public async Task ARobotFillingTheHiddenField_SeesTheConfirmation_ButNothingIsStored()
    {
        site.Clock.Set(DemoNow);
        var announcement = Snapshot.In(Named("announcement", "Công khai kết quả bình chọn sản phẩm năm 2026 để lấy ý kiến"), "vi")!.Url!;
        var training = Snapshot.In(Named("event", "Lớp tập huấn: kiểm kê khí nhà kính cho doanh nghiệp xuất khẩu"), "vi")!.Url!;

        var comment = await PageForm.PostAsync(site.Browser(), announcement, new Dictionary<string, string> { ["Name"] = "Robot bình luận", ["Email"] = "bot@example.vn", ["Comment"] = "Quảng cáo", ["Website"] = "http://spam.example" });
        var registration = await PageForm.PostAsync(site.Browser(), training, new Dictionary<string, string> { ["Name"] = "Robot đăng ký", ["Email"] = "bot@example.vn", ["Attendees"] = "1", ["Website"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.SeeOther, comment.StatusCode);
        Assert.EndsWith("#main", comment.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, registration.StatusCode);
        await using var db = site.Services.GetRequiredService<SiteDbContextFactory>().CreateDbContext();
        Assert.False(await db.Comments.AnyAsync(c => c.Name == "Robot bình luận"));
        Assert.False(await db.EventRegistrations.AnyAsync(r => r.Name == "Robot đăng ký"));
    }

    [Fact]
    public async Task EventRegistration_IsStoredWhileOpen_AndClosedAfterItsDeadline()
    {
        var training = Named("event", "Lớp tập huấn: kiểm kê khí nhà kính cho doanh nghiệp xuất khẩu");
        var url = Snapshot.In(training, "vi")!.Url!;
        var fields = new Dictionary<string, string> { ["Name"] = "Lê Minh", ["Organisation"] = "Công ty Cổ phần Dệt may Đông Á", ["Email"] = "minh@example.vn", ["Phone"] = "+84 24 3823 4567", ["Attendees"] = "2", ["Note"] = "" };

        site.Clock.Set(DemoNow);
        var response = await PageForm.PostAsync(site.Browser(), url, fields);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await using (var db = site.Services.GetRequiredService<SiteDbContextFactory>().CreateDbContext())
        {
            var stored = await db.EventRegistrations.SingleAsync(r => r.EventKey == training.Key && r.Name == "Lê Minh");
            Assert.Equal(2, stored.Attendees);
        }

        var wrong = await PageForm.PostAsync(site.Browser(), url, new Dictionary<string, string>(fields) { ["Attendees"] = "500" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("value=\"500\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        site.Clock.Set(new DateTimeOffset(2026, 12, 7, 17, 30, 0, TimeSpan.FromHours(7)));
        var closed = await site.Browser().GetStringAsync(url);
        Assert.DoesNotContain("name=\"Attendees\"", closed, StringComparison.Ordinal);
        Assert.Contains("Đã hết hạn đăng ký", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomePage_HighlightsTheOpenInvitationForm_OnlyUntilItsDeadline()
    {
        site.Clock.Set(DemoNow);
        var open = await site.Browser().GetStringAsync("/vi/");
        Assert.Contains("id=\"home-call\"", open, StringComparison.Ordinal);
        Assert.Contains("Phiếu mời tham gia bình chọn năm 2027", open, StringComparison.Ordinal);
        Assert.Contains("31/03/2027", open, StringComparison.Ordinal);
        Assert.Contains("id=\"home-top10\"", open, StringComparison.Ordinal);
        Assert.Contains("Top 10 sản phẩm năm 2025", open, StringComparison.Ordinal);

        site.Clock.Set(new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        var after = await site.Browser().GetStringAsync("/vi/");
        Assert.DoesNotContain("id=\"home-call\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XssInAnArticle_RendersInert_OnItsPageInTheListAndInTheFeed()
    {
        var content = site.Services.GetRequiredService<Spcncl.Content.Documents.IContentService>();
        var news = Snapshot.OfType("newsList").Single();
        var payloads = ((IEnumerable<object[]>)Spcncl.Tests.Markdown.MarkdownSanitisationTests.Payloads()).Select(p => (string)p[0]).ToList();
        Assert.True(payloads.Count >= 30);
        var body = string.Join("\n\n", payloads);
        var vietnamese = new Spcncl.Content.Documents.VariantInput("<img src=x onerror=alert(1)> Bài thử", Values: ContentValues.Values(("summary", "<script>alert(1)</script>"), ("body", body)));
        var shared = ContentValues.Values(("publishDate", "2030-01-01T09:00+07:00"), ("category", "news"));
        var created = await content.CreateAsync(new Spcncl.Content.Documents.CreateDocumentRequest("newsArticle", news.Id, ContentValues.Cultures(("vi", vietnamese)), shared), "test");
        var article = ContentValues.Ok(created);
        ContentValues.Ok(await content.PublishAsync(article.Id, ["vi"], "test"));
        var url = Snapshot.In(Snapshot.Get(article.Id)!, "vi")!.Url!;

        foreach (var html in new[] { await site.Browser().GetStringAsync(url), await site.Browser().GetStringAsync("/vi/tin-tuc") })
        {
            Assert.Empty(Html.LiveMarkup(html));
        }

        var feed = await site.Browser().GetStringAsync("/vi/tin-tuc/rss.xml");
        Assert.DoesNotContain("<script", System.Xml.Linq.XDocument.Parse(feed).Root!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), StringComparison.OrdinalIgnoreCase);

        ContentValues.Ok(await content.MoveToRecycleBinAsync(article.Id, "test"));
    }
}

public sealed class SqlitePublicityTests(SqliteSiteFactory site) : PublicityTests(site), IClassFixture<SqliteSiteFactory>;

public sealed class PostgreSqlPublicityTests(PostgreSqlSiteFactory site) : PublicityTests(site), IClassFixture<PostgreSqlSiteFactory>;
