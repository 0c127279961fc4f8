using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Spcncl.Hosting;
using Spcncl.Site;
using Spcncl.Site.Rendering;

namespace Spcncl.Tests.Site;

public sealed class SiteUrlsTests
{
    private sealed class Environment(string name) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = "SPCNCL.Site";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = "";

        public string EnvironmentName { get; set; } = name;
    }

    [Fact]
    public void OutsideDevelopment_APublicUrlIsRequired_SoTheHostHeaderNeverBuildsLinks()
    {
        var ex = Assert.Throws<SiteConfigurationException>(() => new SiteUrls(Options.Create(new SiteOptions()), new Environment("Production")));

        Assert.Contains("Site:PublicUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAPublicUrl_LinksUseIt_WhateverTheRequestSays()
    {
        var urls = new SiteUrls(Options.Create(new SiteOptions { PublicUrl = "https://www.congnghiepchuluc-hanoi.gov.vn/" }), new Environment("Production"));
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Host = new Microsoft.AspNetCore.Http.HostString("evil.example");

        Assert.Equal("https://www.congnghiepchuluc-hanoi.gov.vn/sitemap.xml", urls.Absolute(context.Request, "/sitemap.xml"));
    }
}
