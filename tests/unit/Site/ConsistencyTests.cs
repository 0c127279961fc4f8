using System.Text.RegularExpressions;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;
using Spcncl.Markdown;
using Spcncl.Published.Models;
using Spcncl.Sync;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Site;

/// <summary>Knowledge kept in two places stays in step: views and the dictionary, document types and their models and views.</summary>
public sealed partial class ConsistencyTests
{
    private static readonly SiteCultures Cultures = new(
    [
        new CultureDefinition { Code = "vi", NativeName = "Tiếng Việt", Locale = "vi-VN", Default = true },
        new CultureDefinition { Code = "en", NativeName = "English", Locale = "en-GB" },
    ]);

    private static readonly USyncFolder Folder = USyncFolder.Read(RepositoryPaths.USync, Cultures);

    [Fact]
    public void EveryDictionaryKeyUsedInViewsAndCode_ExistsInBothCultures()
    {
        var sources = Directory.EnumerateFiles(RepositoryPaths.Views, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories));
        var used = sources
            .SelectMany(file => DictionaryKeyUse().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups["key"].Value)))
            .ToList();
        Assert.NotEmpty(used);

        // A key built in code ("Registry.Status." + status) is checked by the tests of its values below.
        var defined = Folder.Dictionary.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Culture).ToHashSet());
        var missing = used.Where(u => !u.Key.EndsWith('.') && (!defined.TryGetValue(u.Key, out var cultures) || !cultures.SetEquals(["vi", "en"]))).Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing dictionary keys: " + string.Join(", ", missing.Select(m => $"{m.Key} ({m.File})")));
        var prefixes = used.Where(u => u.Key.EndsWith('.')).Select(u => u.Key).Distinct().Order().ToList();
        Assert.Equal(
            [
                "BackOffice.Dictionary.Error.", "BackOffice.Health.Overall.", "BackOffice.Health.State.", "BackOffice.Import.Reason.", "BackOffice.Inbox.", "BackOffice.Inbox.About.",
                "BackOffice.Inbox.Message.", "BackOffice.Inbox.State.", "BackOffice.Media.Error.", "BackOffice.Redirects.Done.", "BackOffice.Redirects.Error.", "BackOffice.Registry.Error.",
                "BackOffice.Role.", "BackOffice.Saved.", "BackOffice.State.", "BackOffice.Users.Done.", "Form.Error.", "Registry.Status.", "Search.Kind.",
            ],
            prefixes);
    }

    [Fact]
    public void KeysBuiltInCode_ExistForEveryValue()
    {
        var built = Enum.GetNames<Spcncl.Registry.CycleStatus>().Select(s => "Registry.Status." + s)
            .Concat(Enum.GetNames<Spcncl.Search.SearchKind>().SelectMany(k => (string[])[$"Search.Kind.{k}", $"Search.Type.{k}"]))
            .Concat(Spcncl.Forms.FormErrors.All.Select(c => "Form.Error." + c))
            .Concat(Spcncl.Site.Pages.PublicityLinks.Categories.Select(c => "News.Category." + c))
            .Concat(Spcncl.BackOffice.BackOfficeRoles.All.Select(r => "BackOffice.Role." + r))
            .Concat(Enum.GetNames<Spcncl.Site.BackOffice.Editing.CultureStatus>().Select(s => "BackOffice.State." + s))
            .Concat(Spcncl.Site.BackOffice.ContentController.SavedMessages.Select(s => "BackOffice.Saved." + s))
            .Concat(Enum.GetNames<Spcncl.Registry.RegistryEditError>().Select(e => "BackOffice.Registry.Error." + e))
            .Concat(Enum.GetNames<Spcncl.Published.ManualRedirectError>().Select(e => "BackOffice.Redirects.Error." + e))
            .Concat(new[] { "added", "removed" }.Select(d => "BackOffice.Redirects.Done." + d))
            .Concat(Enum.GetNames<Spcncl.Localization.DictionaryEditProblem>().Select(e => "BackOffice.Dictionary.Error." + e))
            .Concat(Enum.GetNames<Spcncl.BackOffice.UserChangeProblem>().Select(e => "BackOffice.Users.Error." + e))
            .Concat(Spcncl.Site.BackOffice.UsersController.DoneMessages.Select(d => "BackOffice.Users.Done." + d))
            .Concat(Enum.GetNames<Spcncl.BackOffice.InboxKind>().SelectMany(k => (string[])[$"BackOffice.Inbox.{k}", $"BackOffice.Inbox.About.{k}", $"BackOffice.Inbox.Message.{k}"]))
            .Concat(Spcncl.Site.BackOffice.Operations.InboxListView.HandledChoices.Select(c => "BackOffice.Inbox.State." + (c.Length == 0 ? "all" : c)))
            .Concat(Enum.GetNames<Spcncl.Site.BackOffice.Operations.HealthState>().SelectMany(s => (string[])[$"BackOffice.Health.Overall.{s}", $"BackOffice.Health.State.{s}"]))
            .Concat(new[] { "Database", "Search", "Snapshot" }.SelectMany(c => Enum.GetNames<Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus>().Select(s => $"BackOffice.Health.{c}.{s}")))
            .Concat(Spcncl.Site.BackOffice.SettingsController.Pages.SelectMany(p => (string[])[$"BackOffice.{p.Name}.Title", $"BackOffice.{p.Name}.Intro"]))
            .Concat(Spcncl.Media.MediaErrors.All.Select(c => "BackOffice.Media.Error." + c))
            .Concat(Spcncl.Registry.Import.ImportReason.Codes.Select(c => "BackOffice.Import.Reason." + c));
        var defined = Folder.Dictionary.Where(e => e.Culture == "en").Select(e => e.Key).ToHashSet();

        Assert.All(built, key => Assert.True(defined.Contains(key), $"{key} is missing from the dictionary"));
    }

    [Fact]
    public void Views_HoldNoHardCodedText()
    {
        // Text between tags must come from the dictionary or the model: a view with a literal word fails.
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Views, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = RazorComment().Replace(File.ReadAllText(file), "");
            foreach (Match match in TextBetweenTags().Matches(text))
            {
                var content = match.Groups["text"].Value.Trim();
                if (content.Length > 0 && !content.StartsWith('@') && content.Any(char.IsLetter) && content is not "404")
                {
                    offenders.Add($"{Path.GetFileName(file)}: \"{content}\"");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Views_HoldNoHardCodedTextInAttributesPeopleRead()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Views, "*.cshtml", SearchOption.AllDirectories))
        {
            foreach (Match match in ReadableAttribute().Matches(File.ReadAllText(file)))
            {
                var value = match.Groups["value"].Value;
                if (value.Length > 0 && !value.StartsWith('@') && value.Any(char.IsLetter))
                {
                    offenders.Add($"{Path.GetFileName(file)}: {match.Value}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void EveryPostedForm_CarriesAnAntiforgeryToken()
    {
        // The form tag helper adds the token by itself only when the form has no action; a form with one must ask.
        var offenders = Directory.EnumerateFiles(RepositoryPaths.Views, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => PostForm().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Tag: m.Value)))
            .Where(form => form.Tag.Contains("action=", StringComparison.Ordinal) && !form.Tag.Contains("asp-antiforgery=\"true\"", StringComparison.Ordinal))
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders.Select(o => $"{o.File}: {o.Tag}")));
    }

    [Fact]
    public void EveryDocumentType_HasAModelAndAView()
    {
        var models = new PublishedModelFactory(new MarkdownRenderer()).ModelTypes;
        foreach (var type in Folder.DocumentTypes.All)
        {
            Assert.True(models.ContainsKey(type.Alias), $"no model class for document type '{type.Alias}'");
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Views, "Pages", type.Template + ".cshtml")), $"no view Views/Pages/{type.Template}.cshtml for '{type.Alias}'");
        }
    }

    [Fact]
    public void EveryAliasAModelReads_IsAPropertyOfItsDocumentType()
    {
        var models = new PublishedModelFactory(new MarkdownRenderer()).ModelTypes;
        var source = string.Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "Extensions", "Published", "Models"), "*Pages.cs").Select(File.ReadAllText));
        var common = new[] { "seoDescription", "summary", "hideFromNavigation" };
        foreach (Match block in ModelBlock().Matches(source))
        {
            var type = Folder.DocumentTypes[block.Groups["alias"].Value];
            Assert.True(models.ContainsKey(type.Alias));
            foreach (Match read in AliasRead().Matches(block.Groups["body"].Value))
            {
                var alias = read.Groups["alias"].Value;
                Assert.True(type.PropertiesByAlias.ContainsKey(alias), $"the {type.Alias} model reads '{alias}', which {type.Alias}.json does not define");
            }
        }

        Assert.All(common, alias => Assert.Contains(Folder.DocumentTypes.All, t => t.PropertiesByAlias.ContainsKey(alias)));
    }

    [GeneratedRegex("""(?:\bT|\btext)(?:\[|\.Format\(|\.Count\(|\.In\([^,]+,\s*)"(?<key>[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+)""")]
    private static partial Regex DictionaryKeyUse();

    [GeneratedRegex(@">(?<text>[^<>@{}]*?[^\s<>@{}][^<>]*?)<")]
    private static partial Regex TextBetweenTags();

    [GeneratedRegex(@"\b(?:aria-label|title|alt|placeholder|aria-description)=""(?<value>[^""]*)""")]
    private static partial Regex ReadableAttribute();

    [GeneratedRegex(@"<form\b[^>]*\bmethod=""post""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex("""\[DocumentTypeModel\("(?<alias>\w+)"\)\](?<body>.*?)(?=\[DocumentTypeModel|\z)""", RegexOptions.Singleline)]
    private static partial Regex ModelBlock();

    [GeneratedRegex("""(?:Text|Markdown|Number|Boolean|Date|DateTime|Strings|KeyValues|Picked|PickedMany|PickedKey|PickedKeyIn|PickedKeys|OptionLabel|OptionLabels)\("(?<alias>\w+)"[,)]""")]
    private static partial Regex AliasRead();
}
