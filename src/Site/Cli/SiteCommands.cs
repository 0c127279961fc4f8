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
    };

    public static (SiteCommand? Command, string[] HostArgs) Split(string[] args)
    {
        if (args.Length >= 2 && Usage.ContainsKey($"{args[0]} {args[1]}"))
        {
            var options = new Dictionary<string, string?>(StringComparer.Ordinal);
            var hostArgs = new List<string>();
            for (var i = 2; i < args.Length; i++)
            {
                if (args[i] is "--to" or "--from" && i + 1 < args.Length)
                {
                    options[args[i][2..]] = args[++i];
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

                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{command.Name}'. Commands:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", Usage.Values)}");
                    return 2;
            }
        }
        catch (Exception ex) when (ex is SyncFileException or SiteConfigurationException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}

public sealed record SiteCommand(string Name, IReadOnlyDictionary<string, string?> Options);
