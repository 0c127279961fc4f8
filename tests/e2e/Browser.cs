using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Spcncl.Tests.E2E;

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download cannot work here).</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh visitor: own cookies, browser language <paramref name="locale"/>.</summary>
    public Task<IBrowserContext> NewVisitorAsync(string baseUrl, string locale = "en-US") =>
        Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

    /// <summary>Runs axe (WCAG 2.2 A/AA rules) and fails on any serious or critical violation, listing them.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            serious.Count == 0,
            $"axe found {serious.Count} serious or critical violations on {page.Url}:\n" +
            string.Join("\n", serious.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }
}
