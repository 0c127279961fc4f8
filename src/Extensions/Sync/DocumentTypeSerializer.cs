using System.Text.Json;
using System.Text.RegularExpressions;
using Spcncl.Content.DocumentTypes;
using Spcncl.Sync.Files;

namespace Spcncl.Sync;

/// <summary>
/// Reads and writes the files of <c>uSync/DocumentTypes</c>. Reading validates every field and reports each problem
/// with the file, the JSON path and the reason; nothing half-valid gets through.
/// </summary>
public static partial class DocumentTypeSerializer
{
    public const string FolderName = "DocumentTypes";

    private static readonly HashSet<string> ReservedAliases = new(StringComparer.Ordinal) { "name", "url", "key", "id", "culture", "segment" };

    /// <summary>Reads every <c>*.json</c> file in the folder. Throws <see cref="SyncFileException"/> listing every problem.</summary>
    public static DocumentTypeSet ReadFolder(string folder, IReadOnlyList<string> cultures)
    {
        var errors = new List<SyncFileError>();
        var files = new List<(string File, DocumentTypeFile Dto)>();
        if (!Directory.Exists(folder))
        {
            throw new SyncFileException([new SyncFileError(FolderName, "$", $"the folder {folder} does not exist")]);
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = $"{FolderName}/{Path.GetFileName(path)}";
            var dto = Parse(file, File.ReadAllText(path), errors);
            if (dto is not null)
            {
                files.Add((file, dto));
            }
        }

        var types = Validate(files, cultures, errors);
        if (errors.Count > 0)
        {
            throw new SyncFileException(errors);
        }

        return new DocumentTypeSet(types);
    }

    /// <summary>Parses and validates a set of files given as text (file name → JSON). Used by the importer's dry run and tests.</summary>
    public static (DocumentTypeSet? Types, IReadOnlyList<SyncFileError> Errors) ReadTexts(IEnumerable<(string File, string Json)> texts, IReadOnlyList<string> cultures)
    {
        var errors = new List<SyncFileError>();
        var files = new List<(string File, DocumentTypeFile Dto)>();
        foreach (var (file, json) in texts)
        {
            var dto = Parse(file, json, errors);
            if (dto is not null)
            {
                files.Add((file, dto));
            }
        }

        var types = Validate(files, cultures, errors);
        return errors.Count > 0 ? (null, errors) : (new DocumentTypeSet(types), errors);
    }

    public static string Write(DocumentType type) => SyncJson.Serialize(ToFile(type));

    public static DocumentTypeFile ToFile(DocumentType type) => new()
    {
        Alias = type.Alias,
        Name = Sorted(type.Name),
        Icon = type.Icon,
        VariesByCulture = type.VariesByCulture,
        CultureFallback = type.CultureFallback ? true : null,
        AllowAtRoot = type.AllowAtRoot ? true : null,
        Routable = type.Routable ? null : false,
        Template = type.Template,
        AllowedChildTypes = [.. type.AllowedChildTypes],
        Properties = [.. type.Properties.Select(p => new PropertyTypeFile
        {
            Alias = p.Alias,
            Label = Sorted(p.Label),
            Description = p.Description is null ? null : Sorted(p.Description),
            Editor = PropertyEditors.NameOf(p.Editor),
            VariesByCulture = p.VariesByCulture,
            Mandatory = p.Mandatory ? true : null,
            Group = p.Group,
            Options = p.Options.Count == 0 ? null : [.. p.Options.Select(o => new DropdownOptionFile { Value = o.Value, Label = Sorted(o.Label) })],
            Multiple = p.Multiple ? true : null,
            AllowedTypes = p.AllowedTypes.Count == 0 ? null : [.. p.AllowedTypes],
            Validation = p.Validation == PropertyValidation.None ? null : new PropertyValidationFile
            {
                Pattern = p.Validation.Pattern,
                PatternMessage = p.Validation.PatternMessage is null ? null : Sorted(p.Validation.PatternMessage),
                Min = p.Validation.Min,
                Max = p.Validation.Max,
                MaxLength = p.Validation.MaxLength,
                MinItems = p.Validation.MinItems,
                MaxItems = p.Validation.MaxItems,
                Unique = p.Validation.Unique ? true : null,
            },
        })],
    };

    private static Dictionary<string, string> Sorted(LocalizedText text) =>
        text.ToDictionary().OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value);

    private static DocumentTypeFile? Parse(string file, string json, List<SyncFileError> errors)
    {
        try
        {
            var dto = JsonSerializer.Deserialize<DocumentTypeFile>(json, SyncJson.Options);
            if (dto is null)
            {
                errors.Add(new SyncFileError(file, "$", "the file is empty (null)"));
            }

            return dto;
        }
        catch (JsonException ex)
        {
            errors.Add(new SyncFileError(file, ex.Path ?? "$", DescribeJsonError(ex)));
            return null;
        }
    }

    internal static string DescribeJsonError(JsonException ex)
    {
        // System.Text.Json messages end with "Path: $.x | LineNumber: 3 | BytePositionInLine: 7."; keep the reason and the line.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var reason = cut > 0 ? message[..cut].TrimEnd('.') : message;
        return ex.LineNumber is { } line ? $"{reason} (line {line + 1})" : reason;
    }

    private static List<DocumentType> Validate(List<(string File, DocumentTypeFile Dto)> files, IReadOnlyList<string> cultures, List<SyncFileError> errors)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, dto) in files)
        {
            if (dto.Alias is { } alias && !aliases.TryAdd(alias, file))
            {
                errors.Add(new SyncFileError(file, "$.alias", $"'{alias}' is already defined in {aliases[alias]}"));
            }
        }

        var result = new List<DocumentType>();
        foreach (var (file, dto) in files)
        {
            var type = ValidateOne(file, dto, cultures, aliases, errors);
            if (type is not null)
            {
                result.Add(type);
            }
        }

        return result;
    }

    private static DocumentType? ValidateOne(string file, DocumentTypeFile dto, IReadOnlyList<string> cultures, IReadOnlyDictionary<string, string> knownAliases, List<SyncFileError> errors)
    {
        var before = errors.Count;
        void Error(string path, string reason) => errors.Add(new SyncFileError(file, path, reason));

        var alias = dto.Alias;
        if (string.IsNullOrWhiteSpace(alias))
        {
            Error("$.alias", "is missing");
        }
        else if (!AliasPattern().IsMatch(alias))
        {
            Error("$.alias", $"'{alias}' must start with a lower-case letter and hold only letters and digits (camelCase)");
        }
        else if (!string.Equals(Path.GetFileNameWithoutExtension(file), alias, StringComparison.Ordinal))
        {
            Error("$.alias", $"'{alias}' does not match the file name '{Path.GetFileName(file)}'");
        }

        var name = ReadLocalized(dto.Name, "$.name", cultures, required: true, Error);
        if (string.IsNullOrWhiteSpace(dto.Icon))
        {
            Error("$.icon", "is missing");
        }

        if (dto.VariesByCulture is null)
        {
            Error("$.variesByCulture", "is missing: say true or false");
        }

        var variesByCulture = dto.VariesByCulture ?? true;
        if (dto.CultureFallback == true && !variesByCulture)
        {
            Error("$.cultureFallback", "only applies to document types that vary by culture");
        }

        if (string.IsNullOrWhiteSpace(dto.Template))
        {
            Error("$.template", "is missing");
        }
        else if (!TemplatePattern().IsMatch(dto.Template))
        {
            Error("$.template", $"'{dto.Template}' must be a view name in PascalCase (letters and digits)");
        }

        var children = dto.AllowedChildTypes ?? [];
        for (var i = 0; i < children.Count; i++)
        {
            if (!knownAliases.ContainsKey(children[i]))
            {
                Error($"$.allowedChildTypes[{i}]", $"unknown document type '{children[i]}'");
            }
        }

        var properties = new List<PropertyType>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var propertyFiles = dto.Properties ?? [];
        for (var i = 0; i < propertyFiles.Count; i++)
        {
            var property = ValidateProperty(propertyFiles[i], $"$.properties[{i}]", variesByCulture, cultures, knownAliases, seen, Error);
            if (property is not null)
            {
                properties.Add(property);
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new DocumentType(
            alias!,
            name!,
            dto.Icon!,
            variesByCulture,
            dto.CultureFallback ?? false,
            dto.AllowAtRoot ?? false,
            dto.Routable ?? true,
            children,
            dto.Template!,
            properties);
    }

    private static PropertyType? ValidateProperty(
        PropertyTypeFile dto,
        string path,
        bool typeVaries,
        IReadOnlyList<string> cultures,
        IReadOnlyDictionary<string, string> knownAliases,
        HashSet<string> seen,
        Action<string, string> error)
    {
        var ok = true;
        void Error(string subPath, string reason)
        {
            ok = false;
            error(path + subPath, reason);
        }

        if (string.IsNullOrWhiteSpace(dto.Alias))
        {
            Error(".alias", "is missing");
        }
        else if (!AliasPattern().IsMatch(dto.Alias))
        {
            Error(".alias", $"'{dto.Alias}' must start with a lower-case letter and hold only letters and digits (camelCase)");
        }
        else if (ReservedAliases.Contains(dto.Alias))
        {
            Error(".alias", $"'{dto.Alias}' is reserved (every document already has it)");
        }
        else if (!seen.Add(dto.Alias))
        {
            Error(".alias", $"'{dto.Alias}' is used by another property of this document type");
        }

        var label = ReadLocalized(dto.Label, path + ".label", cultures, required: true, (p, r) => { ok = false; error(p, r); });
        var description = dto.Description is null ? null : ReadLocalized(dto.Description, path + ".description", cultures, required: true, (p, r) => { ok = false; error(p, r); });

        PropertyEditor editor = default;
        if (dto.Editor is null)
        {
            Error(".editor", "is missing");
        }
        else if (!PropertyEditors.TryParse(dto.Editor, out editor))
        {
            Error(".editor", $"unknown editor '{dto.Editor}'; expected one of {string.Join(", ", PropertyEditors.Names)}");
        }

        if (dto.VariesByCulture is null)
        {
            Error(".variesByCulture", "is missing: say true (one value per culture) or false (shared)");
        }
        else if (dto.VariesByCulture == true && !typeVaries)
        {
            Error(".variesByCulture", "cannot be true on a document type that does not vary by culture");
        }

        var options = new List<DropdownOption>();
        if (editor == PropertyEditor.Dropdown && ok)
        {
            if (dto.Options is not { Count: > 0 })
            {
                Error(".options", "a dropdown needs at least one option");
            }
            else
            {
                var values = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < dto.Options.Count; i++)
                {
                    var option = dto.Options[i];
                    if (string.IsNullOrWhiteSpace(option.Value))
                    {
                        Error($".options[{i}].value", "is missing");
                        continue;
                    }

                    if (!values.Add(option.Value))
                    {
                        Error($".options[{i}].value", $"'{option.Value}' is listed twice");
                    }

                    var optionLabel = ReadLocalized(option.Label, $"{path}.options[{i}].label", cultures, required: true, (p, r) => { ok = false; error(p, r); });
                    if (optionLabel is not null)
                    {
                        options.Add(new DropdownOption(option.Value, optionLabel));
                    }
                }
            }
        }
        else if (dto.Options is not null && ok)
        {
            Error(".options", $"only dropdowns have options, not '{dto.Editor}'");
        }

        if (dto.Multiple == true && editor != PropertyEditor.Dropdown && ok)
        {
            Error(".multiple", "only dropdowns can be multiple");
        }

        var allowedTypes = dto.AllowedTypes ?? [];
        if (allowedTypes.Count > 0 && ok && editor is not (PropertyEditor.ContentPicker or PropertyEditor.MultiContentPicker or PropertyEditor.KeyValueList))
        {
            Error(".allowedTypes", "only content pickers and key-value lists (whose values are then picked documents) take allowed types");
        }

        for (var i = 0; i < allowedTypes.Count; i++)
        {
            if (!knownAliases.ContainsKey(allowedTypes[i]))
            {
                Error($".allowedTypes[{i}]", $"unknown document type '{allowedTypes[i]}'");
            }
        }

        var validation = PropertyValidation.None;
        if (dto.Validation is { } v && ok)
        {
            var isList = PropertyEditors.IsList(editor) || (editor == PropertyEditor.Dropdown && dto.Multiple == true);
            if (v.Pattern is not null)
            {
                if (!PropertyEditors.IsText(editor))
                {
                    Error(".validation.pattern", "a pattern only applies to text editors");
                }
                else
                {
                    try
                    {
                        _ = new Regex(v.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException ex)
                    {
                        Error(".validation.pattern", $"is not a valid regular expression: {ex.Message}");
                    }
                }
            }

            var patternMessage = v.PatternMessage is null ? null : ReadLocalized(v.PatternMessage, path + ".validation.patternMessage", cultures, required: true, (p, r) => { ok = false; error(p, r); });
            if ((v.Min is not null || v.Max is not null) && editor != PropertyEditor.Number)
            {
                Error(".validation", "min and max only apply to numbers");
            }

            if (v.Min is { } min && v.Max is { } max && min > max)
            {
                Error(".validation.min", $"min ({min}) is greater than max ({max})");
            }

            if (v.MaxLength is { } maxLength)
            {
                if (!PropertyEditors.IsText(editor))
                {
                    Error(".validation.maxLength", "maxLength only applies to text editors");
                }
                else if (maxLength <= 0)
                {
                    Error(".validation.maxLength", "must be greater than zero");
                }
            }

            if ((v.MinItems is not null || v.MaxItems is not null) && !isList)
            {
                Error(".validation", "minItems and maxItems only apply to lists");
            }

            if (v.MinItems is { } minItems && v.MaxItems is { } maxItems && minItems > maxItems)
            {
                Error(".validation.minItems", $"minItems ({minItems}) is greater than maxItems ({maxItems})");
            }

            if (v.Unique == true && (!PropertyEditors.IsText(editor) || dto.VariesByCulture == true))
            {
                Error(".validation.unique", "unique only applies to text values shared by every culture");
            }

            validation = new PropertyValidation(v.Pattern, patternMessage, v.Min, v.Max, v.MaxLength, v.MinItems, v.MaxItems, v.Unique == true);
        }

        if (!ok || label is null)
        {
            return null;
        }

        return new PropertyType(
            dto.Alias!,
            label,
            description,
            editor,
            dto.VariesByCulture ?? false,
            dto.Mandatory ?? false,
            dto.Group,
            validation,
            options,
            dto.Multiple ?? false,
            allowedTypes);
    }

    private static LocalizedText? ReadLocalized(Dictionary<string, string>? values, string path, IReadOnlyList<string> cultures, bool required, Action<string, string> error)
    {
        if (values is null)
        {
            if (required)
            {
                error(path, $"is missing: give it in {string.Join(" and ", cultures)}");
            }

            return null;
        }

        var ok = true;
        foreach (var culture in cultures)
        {
            if (!values.TryGetValue(culture, out var text) || string.IsNullOrWhiteSpace(text))
            {
                error($"{path}.{culture}", "is missing");
                ok = false;
            }
        }

        foreach (var key in values.Keys.Where(k => !cultures.Contains(k)))
        {
            error($"{path}.{key}", $"'{key}' is not a configured culture ({string.Join(", ", cultures)})");
            ok = false;
        }

        return ok ? new LocalizedText(values) : null;
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();

    [GeneratedRegex("^[A-Z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TemplatePattern();
}
