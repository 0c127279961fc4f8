using Spcncl.Registry.Import;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Registry;

/// <summary>The decision list's columns as documented: each documented header is accepted, no header means two columns, and README lists them all.</summary>
public sealed class DecisionListColumnsTests
{
    [Fact]
    public void EachColumnsEnglishAndVietnameseHeader_IsAccepted()
    {
        Assert.All(DecisionListReader.Columns, c =>
        {
            Assert.Contains(DecisionListReader.NormaliseHeader(c.English), c.Aliases);
            Assert.Contains(DecisionListReader.NormaliseHeader(c.Vietnamese), c.Aliases);
        });
    }

    [Fact]
    public void NoHeader_NamesTwoColumns()
    {
        var aliases = DecisionListReader.Columns.SelectMany(c => c.Aliases.Select(a => (Alias: a, c.Field))).ToList();

        Assert.Equal(aliases.Count, aliases.Select(a => a.Alias).Distinct().Count());
    }

    [Fact]
    public void Readme_RegistryImportSection_ListsEveryColumnAndWhetherItIsRequired()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Registry import", StringComparison.Ordinal)..];

        Assert.Contains("dotnet run --project src/Site -- registry import FILE [--dry-run]", section, StringComparison.Ordinal);
        Assert.All(DecisionListReader.Columns, c =>
            Assert.Contains($"| `{c.English}` | {c.Vietnamese} | {(c.Required ? "yes" : "no")} |", section, StringComparison.Ordinal));
    }
}
