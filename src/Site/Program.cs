using Spcncl.Hosting;
using Spcncl.Site;
using Spcncl.Site.BackOffice;
using Spcncl.Site.Cli;
using Spcncl.Sync;

// The site's table of contents. Everything else hangs off SiteHost (services and pipeline) and SiteCommands (verbs).
var (command, hostArgs) = SiteCommands.Split(args);
var builder = SiteHost.CreateBuilder(hostArgs);
var app = builder.Build();

if (command is not null)
{
    return await SiteCommands.RunAsync(app, command);
}

try
{
    await app.InitializeSiteAsync();
    await app.SeedDemoAccountsAsync();
}
catch (Exception ex) when (ex is SyncFileException or SiteConfigurationException or Microsoft.Extensions.Options.OptionsValidationException)
{
    // A bad uSync file or setting stops start-up with one clear message, before the database is touched.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

app.UseSitePipeline();
app.MapSiteEndpoints();
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
