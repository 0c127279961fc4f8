using Spcncl.Hosting;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Sync;

namespace Spcncl.Site.Cli;

/// <summary>
/// Command-line verbs, run instead of the web server: <c>dotnet run --project src/Site -- usync export</c>.
/// Options after the verb (<c>--to DIR</c>) belong to the verb; the rest go to the host's configuration.
/// </summary>
public static class SiteCommands
{
    private static readonly Dictionary<string, string> Usage = new(StringComparer.Ordinal)
    {
        ["usync export"] = "usync export [--to DIR]   write document types, dictionary and content to the uSync folder (or DIR)",
        ["usync import"] = "usync import [--from DIR] make the database match the uSync folder (or DIR), content included",
        ["registry import"] = "registry import FILE [--dry-run]   import a year's decision list (CSV or XLSX); --dry-run reports without writing",
        ["search rebuild"] = "search rebuild            build the search index again from the published content, with a progress bar",
        ["search query"] = "search query TEXT [--culture vi|en]   print what the site's search finds for TEXT",
        ["users create-admin"] = "users create-admin --email EMAIL --password PASSWORD   make the first back-office administrator (says so if the email exists)",
    };

    public static (SiteCommand? Command, string[] HostArgs) Split(string[] args)
    {
        if (args.Length >= 2 && Usage.ContainsKey($"{args[0]} {args[1]}"))
        {
            var options = new Dictionary<string, string?>(StringComparer.Ordinal);
            var hostArgs = new List<string>();
            for (var i = 2; i < args.Length; i++)
            {
                if (args[i] is "--to" or "--from" or "--culture" or "--email" or "--password" or "--name" && i + 1 < args.Length)
                {
                    options[args[i][2..]] = args[++i];
                }
                else if (args[i] == "--dry-run")
                {
                    options["dry-run"] = "true";
                }
                else if (!args[i].StartsWith('-') && !args[i].Contains('=', StringComparison.Ordinal) && !options.ContainsKey("file"))
                {
                    options["file"] = args[i];
                }
                else
                {
                    hostArgs.Add(args[i]);
                }
            }

            return (new SiteCommand($"{args[0]} {args[1]}", options), [.. hostArgs]);
        }

        if (args.Length >= 1 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal))
        {
            return (new SiteCommand(string.Join(' ', args.TakeWhile(a => !a.StartsWith('-'))), new Dictionary<string, string?>()), []);
        }

        return (null, args);
    }

    /// <summary>Rebuilds the search index beside the live one and swaps it in, drawing a progress bar.</summary>
    private static async Task<int> RebuildSearchAsync(WebApplication app)
    {
        await app.InitializeSiteAsync();
        var index = app.Services.GetRequiredService<Spcncl.Search.SearchIndex>();
        await index.WhenRebuilt; // the one start-up may have begun
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var progress = new ConsoleProgressBar("Indexing");
        await index.StartRebuild(progress);
        progress.Finish();
        var status = index.Status();
        Console.WriteLine($"Search index '{status.Name}' rebuilt: {status.Documents} documents ({string.Join(", ", status.ByKind.Where(k => k.Value > 0).Select(k => $"{k.Value} {k.Key}"))}) in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static async Task<int> QuerySearchAsync(WebApplication app, SiteCommand command)
    {
        if (command.Options.GetValueOrDefault("file") is not { } text)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage["search query"]);
            return 2;
        }

        await app.InitializeSiteAsync();
        await app.Services.GetRequiredService<Spcncl.Search.SearchIndex>().WhenRebuilt;
        var culture = command.Options.GetValueOrDefault("culture") ?? app.Services.GetRequiredService<SiteCultures>().Default.Code;
        var results = app.Services.GetRequiredService<Spcncl.Search.SearchService>().Search(new Spcncl.Search.SearchRequest(text, culture));
        Console.WriteLine($"{results.Total} results for \"{text}\" ({culture}){(results.DidYouMean is { } suggestion ? $"; did you mean \"{suggestion}\"?" : "")}");
        foreach (var hit in results.Hits)
        {
            Console.WriteLine($"  {hit.Score,7:0.00}  {hit.Kind,-10} {System.Net.WebUtility.HtmlDecode(hit.TitleHtml.Replace("<mark>", "[", StringComparison.Ordinal).Replace("</mark>", "]", StringComparison.Ordinal))}  {hit.Url}");
        }

        return 0;
    }

    /// <summary>Imports a decision list and prints what was (or would be) created, updated and unchanged, and every bad row.</summary>
    private static async Task<int> ImportRegistryAsync(WebApplication app, SiteCommand command)
    {
        if (command.Options.GetValueOrDefault("file") is not { } file)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage["registry import"]);
            return 2;
        }

        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file}: no such file");
            return 2;
        }

        await app.InitializeSiteAsync();
        var dryRun = command.Options.ContainsKey("dry-run");
        Spcncl.Registry.Import.RegistryImportReport report;
        await using (var stream = File.OpenRead(file))
        {
            report = await app.Services.GetRequiredService<Spcncl.Registry.Import.RegistryImporter>().ImportAsync(stream, file, dryRun, "cli");
        }

        Console.WriteLine($"{report.FileName}: {report.Rows} rows{(dryRun ? " (dry run: nothing written)" : "")}");
        if (report.FileError is { } fileError)
        {
            await Console.Error.WriteLineAsync($"  the file cannot be imported: {fileError}");
            return 1;
        }

        if (report.Errors.Count > 0)
        {
            var good = report.Rows - report.Errors.Select(e => e.Row).Distinct().Count();
            Console.WriteLine($"  what the {good} good {(good == 1 ? "row" : "rows")} would do (nothing is written while any row is bad):");
        }

        Console.WriteLine($"  cycles:      {report.Cycles}");
        Console.WriteLine($"  enterprises: {report.Enterprises.Created} created as drafts, {report.Enterprises.Unchanged} matched by tax code");
        Console.WriteLine($"  products:    {report.Products.Created} created as drafts, {report.Products.Unchanged} matched");
        Console.WriteLine($"  awards:      {report.Awards}");
        foreach (var error in report.Errors)
        {
            await Console.Error.WriteLineAsync($"  {error}");
        }

        if (report.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"  {report.Errors.Count} problems: nothing was imported.");
            return 1;
        }

        Console.WriteLine(report.Committed ? "  imported." : "  nothing written.");
        return 0;
    }

    /// <summary>
    /// The first administrator (no account, and no default password, exists outside Development otherwise). Exit 0 when
    /// made or when the email already has an account; 1 with Identity's reasons when the password is refused.
    /// </summary>
    private static async Task<int> CreateAdministratorAsync(WebApplication app, SiteCommand command)
    {
        if (command.Options.GetValueOrDefault("email") is not { Length: > 0 } email || command.Options.GetValueOrDefault("password") is not { Length: > 0 } password)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage["users create-admin"]);
            return 2;
        }

        await app.Services.GetRequiredService<SiteDbContextFactory>().MigrateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Spcncl.BackOffice.BackOfficeUsers>();
        if (await users.FindAsync(email) is not null)
        {
            Console.WriteLine($"{email} already exists; nothing changed.");
            return 0;
        }

        // The command line speaks English, Identity's refusals included.
        System.Globalization.CultureInfo.CurrentUICulture = app.Services.GetRequiredService<Spcncl.Localization.SiteCultures>().Get("en").Info;
        var (user, errors) = await users.CreateAsync(email, command.Options.GetValueOrDefault("name") ?? email, password, [Spcncl.BackOffice.BackOfficeRoles.Administrator]);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"{email} was not created:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}");
            return 1;
        }

        Console.WriteLine($"Administrator {email} created. Sign in at /backoffice.");
        return 0;
    }

    public static async Task<int> RunAsync(WebApplication app, SiteCommand command)
    {
        var services = app.Services;
        var paths = services.GetRequiredService<SitePaths>();
        try
        {
            switch (command.Name)
            {
                case "usync export":
                {
                    var target = Path.GetFullPath(command.Options.GetValueOrDefault("to") ?? paths.USync);
                    await services.GetRequiredService<SiteDbContextFactory>().MigrateAsync();
                    var report = await services.GetRequiredService<USyncExporter>().ExportAsync(target);
                    Console.WriteLine($"Exported {report} to {target}");
                    foreach (var document in report.UnpublishedEdits)
                    {
                        Console.WriteLine($"  note: document {document} has unpublished edits; its published version was exported");
                    }

                    return 0;
                }

                case "usync import":
                {
                    var source = Path.GetFullPath(command.Options.GetValueOrDefault("from") ?? paths.USync);
                    var folder = USyncFolder.Read(source, services.GetRequiredService<SiteCultures>());
                    await services.GetRequiredService<SiteDbContextFactory>().MigrateAsync();
                    var report = await services.GetRequiredService<USyncImporter>().ImportAsync(folder, USyncImportMode.Full);
                    Console.WriteLine($"Imported from {source}: {report}");
                    return 0;
                }

                case "registry import":
                    return await ImportRegistryAsync(app, command);

                case "search rebuild":
                    return await RebuildSearchAsync(app);

                case "search query":
                    return await QuerySearchAsync(app, command);

                case "users create-admin":
                    return await CreateAdministratorAsync(app, command);

                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{command.Name}'. Commands:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", Usage.Values)}");
                    return 2;
            }
        }
        catch (Exception ex) when (ex is SyncFileException or SiteConfigurationException or USyncExportRefusedException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}

public sealed record SiteCommand(string Name, IReadOnlyDictionary<string, string?> Options);
