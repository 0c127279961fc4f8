using System.Text.Json;
using System.Text.RegularExpressions;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;
using Spcncl.Sync.Files;

namespace Spcncl.Sync;

/// <summary>
/// The uSync folder read and checked as a whole: document types, dictionary and content. Reading never touches the
/// database; if any file is wrong, <see cref="Read"/> throws one <see cref="SyncFileException"/> listing every problem.
/// </summary>
public sealed partial class USyncFolder
{
    public const string DictionaryFolder = "Dictionary";
    public const string ContentFolder = "Content";
    public const string MediaFolder = "Media";
    public const string RegistryFolder = "Registry";

    private USyncFolder(DocumentTypeSet types, IReadOnlyList<DictionaryEntry> dictionary, IReadOnlyList<MediaSeed> media, IReadOnlyList<ContentItem> content, RegistrySeed registry, string schemaHash)
    {
        DocumentTypes = types;
        Dictionary = dictionary;
        Media = media;
        Content = content;
        Registry = registry;
        SchemaHash = schemaHash;
    }

    /// <summary>Award cycles (statuses, dates, cycles still without a decision) and each year's decision list.</summary>
    public RegistrySeed Registry { get; }

    /// <summary>Seed media, each with the way to get its bytes (a file beside it or a drawing recipe).</summary>
    public IReadOnlyList<MediaSeed> Media { get; }

    public DocumentTypeSet DocumentTypes { get; }

    public IReadOnlyList<DictionaryEntry> Dictionary { get; }

    /// <summary>Content in import order: parents before children, siblings in sort order.</summary>
    public IReadOnlyList<ContentItem> Content { get; }

    /// <summary>A hash of the document type and dictionary files' bytes: unchanged files need no re-import at start-up.</summary>
    public string SchemaHash { get; }

    public static USyncFolder Read(string root, SiteCultures cultures)
    {
        var codes = cultures.Codes;
        var types = DocumentTypeSerializer.ReadFolder(Path.Combine(root, DocumentTypeSerializer.FolderName), codes);
        var errors = new List<SyncFileError>();
        var dictionary = ReadDictionary(Path.Combine(root, DictionaryFolder), codes, errors);
        var media = ReadMedia(Path.Combine(root, MediaFolder), codes, errors);
        var content = ReadContent(Path.Combine(root, ContentFolder), types, cultures, errors);
        var registry = ReadRegistry(Path.Combine(root, RegistryFolder), errors);
        if (errors.Count > 0)
        {
            throw new SyncFileException(errors);
        }

        return new USyncFolder(types, dictionary, media, content, registry, HashFiles(root, [DocumentTypeSerializer.FolderName, DictionaryFolder]));
    }

    private static string HashFiles(string root, string[] folders)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var folder in folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static List<DictionaryEntry> ReadDictionary(string folder, IReadOnlyList<string> cultures, List<SyncFileError> errors)
    {
        var entries = new List<DictionaryEntry>();
        if (!Directory.Exists(folder))
        {
            return entries;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = $"{DictionaryFolder}/{Path.GetFileName(path)}";
            var group = Path.GetFileNameWithoutExtension(path);
            Dictionary<string, Dictionary<string, string>>? items;
            try
            {
                items = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path), SyncJson.Options);
            }
            catch (JsonException ex)
            {
                errors.Add(new SyncFileError(file, ex.Path ?? "$", DocumentTypeSerializer.DescribeJsonError(ex)));
                continue;
            }

            foreach (var (key, values) in items ?? [])
            {
                var keyPath = $"$['{key}']";
                if (!DictionaryKeyPattern().IsMatch(key) || !key.StartsWith(group + ".", StringComparison.Ordinal))
                {
                    errors.Add(new SyncFileError(file, keyPath, $"'{key}' must look like {group}.Name (letters and digits, dot-separated, starting with the file's name)"));
                    continue;
                }

                if (!seen.TryAdd(key, file))
                {
                    errors.Add(new SyncFileError(file, keyPath, $"'{key}' is already defined in {seen[key]}"));
                    continue;
                }

                foreach (var culture in cultures)
                {
                    if (!values.TryGetValue(culture, out var text) || string.IsNullOrWhiteSpace(text))
                    {
                        errors.Add(new SyncFileError(file, $"{keyPath}.{culture}", "is missing"));
                    }
                    else
                    {
                        entries.Add(new DictionaryEntry(key, culture, text));
                    }
                }

                foreach (var extra in values.Keys.Where(k => !cultures.Contains(k)))
                {
                    errors.Add(new SyncFileError(file, $"{keyPath}.{extra}", $"'{extra}' is not a configured culture"));
                }
            }
        }

        return entries;
    }

    private static List<MediaSeed> ReadMedia(string folder, IReadOnlyList<string> cultures, List<SyncFileError> errors)
    {
        var seeds = new List<MediaSeed>();
        if (!Directory.Exists(folder))
        {
            return seeds;
        }

        var keys = new Dictionary<Guid, string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = $"{MediaFolder}/{Path.GetFileName(path)}";
            MediaFile? dto;
            try
            {
                dto = JsonSerializer.Deserialize<MediaFile>(File.ReadAllText(path), SyncJson.Options);
            }
            catch (JsonException ex)
            {
                errors.Add(new SyncFileError(file, ex.Path ?? "$", DocumentTypeSerializer.DescribeJsonError(ex)));
                continue;
            }

            if (dto is null)
            {
                continue;
            }

            var before = errors.Count;
            void Error(string jsonPath, string reason) => errors.Add(new SyncFileError(file, jsonPath, reason));
            if (dto.Key is not { } key || key == Guid.Empty)
            {
                Error("$.key", "is missing");
            }
            else if (!keys.TryAdd(key, file))
            {
                Error("$.key", $"{key} is also the key of {keys[key]}");
            }

            if (string.IsNullOrWhiteSpace(dto.Name))
            {
                Error("$.name", "is missing");
            }

            foreach (var culture in (dto.Alt ?? []).Keys.Concat((dto.Caption ?? []).Keys).Where(c => !cultures.Contains(c)))
            {
                Error("$", $"'{culture}' is not a configured culture");
            }

            if (dto.FocalX is < 0 or > 1 || dto.FocalY is < 0 or > 1)
            {
                Error("$.focalX", "the focal point must be between 0 and 1");
            }

            string? source = null;
            if ((dto.File is null) == (dto.Generate is null))
            {
                Error("$", "give either file or generate");
            }
            else if (dto.File is { } name)
            {
                if (!SafeFileName().IsMatch(name))
                {
                    Error("$.file", $"'{name}' must be a plain file name inside Media/files");
                }
                else if (!File.Exists(source = Path.Combine(folder, "files", name)))
                {
                    Error("$.file", $"Media/files/{name} does not exist");
                }
            }
            else if (dto.Generate is { } recipe)
            {
                if (recipe.Style is "pdf" or "docx")
                {
                    if (recipe.Culture is null || !cultures.Contains(recipe.Culture))
                    {
                        Error("$.generate.culture", "must be a configured culture");
                    }

                    if (string.IsNullOrWhiteSpace(recipe.Issuer) || string.IsNullOrWhiteSpace(recipe.Title) || string.IsNullOrWhiteSpace(recipe.Text))
                    {
                        Error("$.generate", "a document needs an issuer, a title and a text");
                    }
                }
                else if (recipe.Style is not ("product" or "logo" or "banner"))
                {
                    Error("$.generate.style", "must be product, logo or banner (pictures) or pdf or docx (documents)");
                }
                else if (recipe.Width is not (>= 16 and <= 4000) || recipe.Height is not (>= 16 and <= 4000))
                {
                    Error("$.generate", "width and height must be between 16 and 4000");
                }
            }

            if (errors.Count == before)
            {
                seeds.Add(new MediaSeed(file, dto, source));
            }
        }

        return seeds;
    }

    private static RegistrySeed ReadRegistry(string folder, List<SyncFileError> errors)
    {
        if (!Directory.Exists(folder))
        {
            return new RegistrySeed([], []);
        }

        var cycles = new List<CycleFile>();
        var cyclesPath = Path.Combine(folder, "cycles.json");
        if (File.Exists(cyclesPath))
        {
            try
            {
                cycles = JsonSerializer.Deserialize<List<CycleFile>>(File.ReadAllText(cyclesPath), SyncJson.Options) ?? [];
                for (var i = 0; i < cycles.Count; i++)
                {
                    if (cycles[i].Year is not (>= 2018 and <= 2100))
                    {
                        errors.Add(new SyncFileError($"{RegistryFolder}/cycles.json", $"$[{i}].year", "must be a year from 2018"));
                    }

                    if (!Enum.TryParse<Registry.CycleStatus>(cycles[i].Status, out _))
                    {
                        errors.Add(new SyncFileError($"{RegistryFolder}/cycles.json", $"$[{i}].status", $"'{cycles[i].Status}' is not one of {string.Join(", ", Enum.GetNames<Registry.CycleStatus>())}"));
                    }
                }
            }
            catch (JsonException ex)
            {
                errors.Add(new SyncFileError($"{RegistryFolder}/cycles.json", ex.Path ?? "$", DocumentTypeSerializer.DescribeJsonError(ex)));
            }
        }

        var lists = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f) is ".csv" or ".xlsx")
            .Order(StringComparer.Ordinal)
            .ToList();
        return new RegistrySeed(cycles, lists);
    }

    private static List<ContentItem> ReadContent(string folder, DocumentTypeSet types, SiteCultures cultures, List<SyncFileError> errors)
    {
        var items = new List<ContentItem>();
        if (!Directory.Exists(folder))
        {
            return items;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = $"{ContentFolder}/{Path.GetRelativePath(folder, path).Replace('\\', '/')}";
            ContentFile? dto;
            try
            {
                dto = JsonSerializer.Deserialize<ContentFile>(File.ReadAllText(path), SyncJson.Options);
            }
            catch (JsonException ex)
            {
                errors.Add(new SyncFileError(file, ex.Path ?? "$", DocumentTypeSerializer.DescribeJsonError(ex)));
                continue;
            }

            if (dto is not null && CheckContent(file, dto, types, cultures, errors))
            {
                items.Add(new ContentItem(file, dto));
            }
        }

        var byKey = new Dictionary<Guid, ContentItem>();
        foreach (var item in items)
        {
            if (!byKey.TryAdd(item.Key, item))
            {
                errors.Add(new SyncFileError(item.File, "$.key", $"{item.Key} is also the key of {byKey[item.Key].File}"));
            }
        }

        // Order by depth so parents are imported before children; a parent missing from the folder may exist in the database.
        var depth = new Dictionary<Guid, int>();
        int Depth(ContentItem item, int guard)
        {
            if (depth.TryGetValue(item.Key, out var known))
            {
                return known;
            }

            if (guard > 100)
            {
                errors.Add(new SyncFileError(item.File, "$.parent", "the parent chain loops back on itself"));
                return 0;
            }

            var d = item.Data.Parent is { } parent && byKey.TryGetValue(parent, out var parentItem) ? Depth(parentItem, guard + 1) + 1 : 0;
            depth[item.Key] = d;
            return d;
        }

        return [.. items.OrderBy(i => Depth(i, 0)).ThenBy(i => i.Data.SortOrder ?? 0).ThenBy(i => i.File, StringComparer.Ordinal)];
    }

    private static bool CheckContent(string file, ContentFile dto, DocumentTypeSet types, SiteCultures cultures, List<SyncFileError> errors)
    {
        var before = errors.Count;
        void Error(string path, string reason) => errors.Add(new SyncFileError(file, path, reason));

        if (dto.Key is null || dto.Key == Guid.Empty)
        {
            Error("$.key", "is missing");
        }

        if (dto.Type is null)
        {
            Error("$.type", "is missing");
            return false;
        }

        if (!types.TryGet(dto.Type, out var type))
        {
            Error("$.type", $"unknown document type '{dto.Type}'");
            return false;
        }

        foreach (var alias in (dto.Shared ?? []).Keys)
        {
            if (!type.PropertiesByAlias.TryGetValue(alias, out var property))
            {
                Error($"$.shared.{alias}", $"a {type.Alias} has no property '{alias}'");
            }
            else if (property.VariesByCulture)
            {
                Error($"$.shared.{alias}", "varies by culture: put it under cultures.*.values");
            }
        }

        if (dto.Cultures is null || !dto.Cultures.ContainsKey(cultures.Default.Code))
        {
            Error("$.cultures", $"the {cultures.Default.Code} culture is missing");
        }

        foreach (var (culture, variant) in dto.Cultures ?? [])
        {
            if (!cultures.IsSupported(culture))
            {
                Error($"$.cultures.{culture}", $"'{culture}' is not a configured culture");
                continue;
            }

            if (string.IsNullOrWhiteSpace(variant.Name))
            {
                Error($"$.cultures.{culture}.name", "is missing");
            }

            if (variant.Segment is not null && !UrlSegments.IsValid(variant.Segment))
            {
                Error($"$.cultures.{culture}.segment", $"'{variant.Segment}' is not a URL segment (lower-case letters, digits, single hyphens)");
            }

            foreach (var alias in (variant.Values ?? []).Keys)
            {
                if (!type.PropertiesByAlias.TryGetValue(alias, out var property))
                {
                    Error($"$.cultures.{culture}.values.{alias}", $"a {type.Alias} has no property '{alias}'");
                }
                else if (!property.VariesByCulture)
                {
                    Error($"$.cultures.{culture}.values.{alias}", "is shared: put it under shared");
                }
            }
        }

        return errors.Count == before;
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DictionaryKeyPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeFileName();
}

/// <summary>The registry's seed: cycle statuses and dates from <c>cycles.json</c>, and the decision lists to import (paths).</summary>
public sealed record RegistrySeed(IReadOnlyList<CycleFile> Cycles, IReadOnlyList<string> DecisionLists);

/// <summary>One entry of <c>uSync/Registry/cycles.json</c>: what a decision list cannot say (status, a cycle not yet decided).</summary>
public sealed class CycleFile
{
    public int? Year { get; set; }

    public string? Status { get; set; }

    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public DateOnly? CouncilDate { get; set; }

    public DateOnly? CeremonyDate { get; set; }
}

/// <summary>One media manifest, checked, with the path of its file when it has one.</summary>
public sealed record MediaSeed(string File, MediaFile Data, string? SourcePath)
{
    public Guid Key => Data.Key!.Value;
}

/// <summary>One content file, checked against its document type, waiting to be imported.</summary>
public sealed record ContentItem(string File, ContentFile Data)
{
    public Guid Key => Data.Key!.Value;
}
