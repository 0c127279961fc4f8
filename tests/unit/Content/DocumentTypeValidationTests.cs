using Spcncl.Sync;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Content;

/// <summary>A bad document type file is reported with its file, the JSON path of the problem and the reason.</summary>
public sealed class DocumentTypeValidationTests
{
    private static readonly string[] Cultures = ["vi", "en"];

    private const string ValidPage = """
        {
          "alias": "page",
          "name": { "vi": "Trang", "en": "Page" },
          "icon": "document",
          "variesByCulture": true,
          "template": "Page",
          "allowedChildTypes": ["page"],
          "properties": [
            { "alias": "title", "label": { "vi": "Tiêu đề", "en": "Title" }, "editor": "text", "variesByCulture": true, "mandatory": true, "validation": { "maxLength": 80 } },
            { "alias": "kind", "label": { "vi": "Loại", "en": "Kind" }, "editor": "dropdown", "variesByCulture": false,
              "options": [ { "value": "a", "label": { "vi": "A", "en": "A" } } ] }
          ]
        }
        """;

    private static SyncFileError SingleError(string json, string file = "DocumentTypes/page.json")
    {
        var (types, errors) = DocumentTypeSerializer.ReadTexts([(file, json)], Cultures);
        Assert.Null(types);
        return Assert.Single(errors);
    }

    [Fact]
    public void ReadTexts_ValidFile_GivesTheTypeWithItsProperties()
    {
        var (types, errors) = DocumentTypeSerializer.ReadTexts([("DocumentTypes/page.json", ValidPage)], Cultures);

        Assert.Empty(errors);
        var page = types!["page"];
        Assert.Equal("Trang", page.Name["vi"]);
        Assert.True(page.PropertiesByAlias["title"].Mandatory);
        Assert.Equal(80, page.PropertiesByAlias["title"].Validation.MaxLength);
        Assert.False(page.PropertiesByAlias["kind"].VariesByCulture);
    }

    [Fact]
    public void ReadFolder_TheRepositoryDocumentTypes_AreAllValid()
    {
        var types = DocumentTypeSerializer.ReadFolder(Path.Combine(RepositoryPaths.USync, "DocumentTypes"), Cultures);

        foreach (var alias in new[] { "home", "textPage", "sectorList", "sector", "contactPage", "notFound" })
        {
            Assert.True(types.Contains(alias), $"missing document type {alias}");
        }
    }

    [Fact]
    public void ReadTexts_UnknownEditor_NamesThePropertyPathAndTheKnownEditors()
    {
        var error = SingleError(ValidPage.Replace("\"editor\": \"text\"", "\"editor\": \"markdwon\"", StringComparison.Ordinal));

        Assert.Equal("DocumentTypes/page.json", error.File);
        Assert.Equal("$.properties[0].editor", error.JsonPath);
        Assert.Contains("unknown editor 'markdwon'", error.Reason, StringComparison.Ordinal);
        Assert.Contains("markdown", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTexts_BrokenJson_GivesTheLineAndPath()
    {
        var error = SingleError(ValidPage.Replace("\"icon\": \"document\",", "\"icon\": \"document\"", StringComparison.Ordinal));

        Assert.Equal("DocumentTypes/page.json", error.File);
        Assert.Contains("(line 5)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTexts_MisspelledField_IsRefusedNotIgnored()
    {
        var error = SingleError(ValidPage.Replace("\"mandatory\": true", "\"mandatroy\": true", StringComparison.Ordinal));

        Assert.Contains("mandatroy", error.JsonPath + error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTexts_LabelWithoutEnglish_NamesTheMissingCulture()
    {
        var error = SingleError(ValidPage.Replace("\"label\": { \"vi\": \"Tiêu đề\", \"en\": \"Title\" }", "\"label\": { \"vi\": \"Tiêu đề\" }", StringComparison.Ordinal));

        Assert.Equal("$.properties[0].label.en", error.JsonPath);
        Assert.Equal("is missing", error.Reason);
    }

    [Fact]
    public void ReadTexts_UnknownAllowedChild_NamesTheIndex()
    {
        var error = SingleError(ValidPage.Replace("\"allowedChildTypes\": [\"page\"]", "\"allowedChildTypes\": [\"page\", \"nope\"]", StringComparison.Ordinal));

        Assert.Equal("$.allowedChildTypes[1]", error.JsonPath);
        Assert.Contains("unknown document type 'nope'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTexts_AliasNotMatchingFileName_IsRefused()
    {
        var error = SingleError(ValidPage, "DocumentTypes/other.json");

        Assert.Equal("$.alias", error.JsonPath);
        Assert.Contains("does not match the file name", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTexts_InvalidRegex_IsRefused()
    {
        var error = SingleError(ValidPage.Replace("\"maxLength\": 80", "\"maxLength\": 80, \"pattern\": \"[a-\"", StringComparison.Ordinal));

        Assert.Equal("$.properties[0].validation.pattern", error.JsonPath);
        Assert.Contains("not a valid regular expression", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTexts_MinAboveMax_IsRefused()
    {
        var json = ValidPage.Replace("\"editor\": \"text\", \"variesByCulture\": true, \"mandatory\": true, \"validation\": { \"maxLength\": 80 }",
            "\"editor\": \"number\", \"variesByCulture\": true, \"validation\": { \"min\": 10, \"max\": 2 }", StringComparison.Ordinal);

        var error = SingleError(json);

        Assert.Equal("$.properties[0].validation.min", error.JsonPath);
    }

    [Fact]
    public void ReadTexts_DropdownWithoutOptions_IsRefused()
    {
        var json = ValidPage.Replace("\"options\": [ { \"value\": \"a\", \"label\": { \"vi\": \"A\", \"en\": \"A\" } } ]", "\"options\": []", StringComparison.Ordinal);

        var error = SingleError(json);

        Assert.Equal("$.properties[1].options", error.JsonPath);
    }

    [Fact]
    public void ReadTexts_CulturePropertyOnInvariantType_IsRefused()
    {
        var error = SingleError(ValidPage.Replace("\"variesByCulture\": true,\n  \"template\"", "\"variesByCulture\": false,\n  \"template\"", StringComparison.Ordinal));

        Assert.Equal("$.properties[0].variesByCulture", error.JsonPath);
    }

    [Fact]
    public void ReadTexts_DuplicatePropertyAlias_IsRefused()
    {
        var error = SingleError(ValidPage.Replace("\"alias\": \"kind\"", "\"alias\": \"title\"", StringComparison.Ordinal));

        Assert.Equal("$.properties[1].alias", error.JsonPath);
    }

    [Fact]
    public void ReadFolder_SeveralProblems_AreAllListedInOneMessage()
    {
        var folder = RepositoryPaths.NewTempFolder("doctypes");
        File.WriteAllText(Path.Combine(folder, "page.json"), ValidPage.Replace("\"icon\": \"document\",", "", StringComparison.Ordinal).Replace("\"editor\": \"text\"", "\"editor\": \"texte\"", StringComparison.Ordinal));

        var ex = Assert.Throws<SyncFileException>(() => DocumentTypeSerializer.ReadFolder(folder, Cultures));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("DocumentTypes/page.json $.icon: is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DocumentTypes/page.json $.properties[0].editor", ex.Message, StringComparison.Ordinal);
    }
}
