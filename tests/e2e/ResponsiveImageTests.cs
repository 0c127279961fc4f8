using Microsoft.Playwright;

namespace Spcncl.Tests.E2E;

/// <summary>
/// The catalogue on a laptop and on a phone: each picture is downloaded once, at the smallest width of its srcset
/// that fills its box on that screen, really is that wide, and nothing moves while the page loads.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ResponsiveImageTests(SiteServer site, Browser browser)
{
    private const string MeasureImages = """
        async () => {
          const uses = [];
          for (const img of document.querySelectorAll('img.card-image')) {
            // Lazy images load as they come into view.
            img.scrollIntoView();
            if (!img.complete || !img.currentSrc) {
              await new Promise(resolve => img.addEventListener('load', resolve, { once: true }));
            }

            // naturalWidth of an <img> with a srcset is corrected for density: decode the file itself for its pixels.
            const file = new Image();
            file.src = img.currentSrc;
            await file.decode();
            uses.push({
                src: img.currentSrc,
                box: img.getBoundingClientRect().width * devicePixelRatio,
                natural: file.naturalWidth,
                candidates: img.srcset.split(',').map(c => c.trim().split(' ')).map(([url, w]) => ({ url: new URL(url, location.href).href, width: parseInt(w) })),
            });
          }

          return uses;
        }
        """;

    private const string LayoutShift = """
        () => new Promise(resolve => {
            let total = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
                .observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 500);
        })
        """;

    [Theory]
    [InlineData(1280, 900, 1)]
    [InlineData(390, 844, 2)]
    public async Task CatalogueImages_AreTheWidthTheLayoutNeeds_AndNothingShifts(int width, int height, int pixelRatio)
    {
        await using var visitor = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = pixelRatio,
        });
        var page = await visitor.NewPageAsync();
        var downloaded = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/media/", StringComparison.Ordinal))
            {
                downloaded.Add(response.Url);
            }
        };

        await page.GotoAsync("/en/products", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var shift = await page.EvaluateAsync<double>(LayoutShift);

        var images = await page.EvaluateAsync<ImageUse[]>(MeasureImages);
        var fetched = downloaded.Distinct().ToList();
        Assert.Equal(downloaded.Count, fetched.Count);

        Assert.Equal(24, images.Length);
        Assert.True(shift < 0.01, $"cumulative layout shift {shift:0.000} while loading");
        foreach (var image in images)
        {
            var chosen = Assert.Single(image.Candidates, c => c.Url == image.Src);
            Assert.Equal(chosen.Width, image.Natural);
            Assert.True(chosen.Width >= image.Box - 1, $"{image.Src}: {chosen.Width} px for a {image.Box:0} px box");
            Assert.DoesNotContain(image.Candidates, c => c.Width >= image.Box - 1 && c.Width < chosen.Width);
        }

        // Products share demo pictures: each distinct picture is fetched once, and nothing else is.
        Assert.Equal(images.Select(i => i.Src).Distinct().Order(), fetched.Order());
    }

    public sealed class ImageUse
    {
        public string Src { get; set; } = "";

        public double Box { get; set; }

        public int Natural { get; set; }

        public Candidate[] Candidates { get; set; } = [];
    }

    public sealed class Candidate
    {
        public string Url { get; set; } = "";

        public int Width { get; set; }
    }
}
