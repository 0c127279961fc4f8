using System.Text.Json;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Published;

namespace Spcncl.Site.BackOffice.Editing;

/// <summary>
/// Builds the editor for a document or a new one: both cultures side by side with what each person may change, the
/// messages by their fields in the screens' language, what may be picked, which fields changed in the other culture
/// since this one was last saved, and what someone else changed when a save came too late.
/// </summary>
public sealed class EditorBuilder(
    IContentService content,
    DocumentTypeRegistry types,
    BackOfficePermissions permissions,
    SiteCultures cultures,
    MediaIndex media,
    ScheduledPublishing schedules,
    PublishedSnapshotService snapshots,
    Spcncl.Markdown.MarkdownRenderer markdown,
    SiteText text)
{
    public static CultureStatus Status(VariantSummary? variant) => variant switch
    {
        null => CultureStatus.Missing,
        { IsPublished: false } => CultureStatus.Draft,
        { Edited: true } => CultureStatus.Changed,
        _ => CultureStatus.Published,
    };

    public static CultureStatus Status(DocumentVariant? variant) => variant switch
    {
        null => CultureStatus.Missing,
        { IsPublished: false } => CultureStatus.Draft,
        { Edited: true } => CultureStatus.Changed,
        _ => CultureStatus.Published,
    };

    public async Task<EditorView> ForNewAsync(BackOfficeIdentity me, ContentTree tree, DocumentType type, int? parentId, EditorForm? posted, IReadOnlyList<ContentError> errors, CancellationToken ct)
    {
        var place = parentId is { } id ? tree.Place(id, type.Alias) : DocumentPlace.Root(type.Alias);
        var created = tree.PlaceOfNew(parentId, type.Alias);
        var crumbs = Crumbs(tree, parentId, me.UiCulture);
        var options = await OptionsAsync(type, me.UiCulture, ct);
        var columns = cultures.All
            .Where(c => type.VariesByCulture || c.IsDefault)
            .Select(c => Column(type, c, null, posted, errors, options, permissions.Can(me, ContentAction.Create, place) && permissions.Can(me, ContentAction.EditCulture, created, c.Code), new HashSet<string>(), null))
            .ToList();
        var publishCultures = cultures.Codes.Where(c => permissions.Can(me, ContentAction.Publish, created, c)).ToHashSet();
        return new EditorView(
            type,
            null,
            parentId,
            crumbs,
            columns,
            SharedFields(type, null, posted, errors, options),
            permissions.Can(me, ContentAction.EditShared, created),
            FormErrors(errors, type),
            null,
            [],
            new EditorPermissions(publishCultures.Count > 0, false, false, false, false, false, publishCultures),
            null)
        {
            Title = text.Format("BackOffice.Content.New", type.Name[text.CurrentCulture]),
        };
    }

    public async Task<EditorView> ForDocumentAsync(BackOfficeIdentity me, ContentTree tree, DocumentType type, Document document, EditorForm? posted, IReadOnlyList<ContentError> errors, ConflictInfo? conflict, string? saved, CancellationToken ct)
    {
        var place = tree.Place(document.Id);
        var options = await OptionsAsync(type, me.UiCulture, ct);
        var columns = new List<EditorColumn>();
        foreach (var culture in cultures.All.Where(c => type.VariesByCulture || c.IsDefault))
        {
            var changed = await ChangedInOtherAsync(type, document, culture.Code, ct);
            columns.Add(Column(type, culture, document, posted, errors, options, permissions.Can(me, ContentAction.EditCulture, place, culture.Code), changed, document.Id));
        }

        var publish = cultures.Codes.Where(c => permissions.Can(me, ContentAction.Publish, place, c)).ToHashSet();
        var can = new EditorPermissions(
            publish.Count > 0,
            cultures.Codes.Any(c => permissions.Can(me, ContentAction.Unpublish, place, c) && document.IsPublished(c)),
            permissions.Can(me, ContentAction.Schedule, place),
            permissions.Can(me, ContentAction.Delete, place),
            permissions.Can(me, ContentAction.Move, place),
            permissions.Can(me, ContentAction.History, place),
            publish);
        return new EditorView(
            type,
            document,
            document.ParentId,
            Crumbs(tree, document.Id, me.UiCulture),
            columns,
            SharedFields(type, document, posted, errors, options),
            permissions.Can(me, ContentAction.EditShared, place),
            FormErrors(errors, type),
            conflict,
            await schedules.PendingAsync(document.Id, ct),
            can,
            saved)
        {
            Title = columns[0].Name.Length > 0 ? columns[0].Name : (document.Variant(cultures.Default.Code)?.Name ?? ""),
        };
    }

    /// <summary>What changed between the revision the editor started from and the one now stored, field by field.</summary>
    public async Task<ConflictInfo> ConflictAsync(Document current, int basedOnRevision, CancellationToken ct)
    {
        var versions = await content.GetVersionsAsync(current.Id, ct);
        var start = versions.Where(v => v.Revision <= basedOnRevision).OrderByDescending(v => v.Revision).FirstOrDefault();
        var latest = versions.OrderByDescending(v => v.Revision).FirstOrDefault();
        var rows = start is null || latest is null ? [] : Differences(current.ContentType, start.Data, latest.Data);
        return new ConflictInfo(current.UpdatedBy, current.UpdatedUtc, current.Revision, rows);
    }

    /// <summary>Every field that differs between two saved states (name, segment, values per culture, shared values).</summary>
    public List<ChangeRow> Differences(string documentType, DocumentData before, DocumentData after)
    {
        var rows = new List<ChangeRow>();
        var type = types.Current.TryGet(documentType, out var t) ? t : null;
        string Label(string alias) => type?.PropertiesByAlias.TryGetValue(alias, out var property) == true ? property.Label[text.CurrentCulture] : alias;

        foreach (var culture in cultures.Codes)
        {
            var a = before.Cultures.GetValueOrDefault(culture);
            var b = after.Cultures.GetValueOrDefault(culture);
            if (a?.Name != b?.Name)
            {
                rows.Add(new ChangeRow(text["BackOffice.Editor.Name"], culture, a?.Name ?? "", b?.Name ?? ""));
            }

            if (a?.UrlSegment != b?.UrlSegment)
            {
                rows.Add(new ChangeRow(text["BackOffice.Editor.Segment"], culture, a?.UrlSegment ?? "", b?.UrlSegment ?? ""));
            }

            var aliases = (a?.Values.Keys ?? []).Union(b?.Values.Keys ?? [], StringComparer.Ordinal);
            rows.AddRange(aliases
                .Select(alias => (alias, Old: Show(a?.Values.GetValueOrDefault(alias)), New: Show(b?.Values.GetValueOrDefault(alias))))
                .Where(x => x.Old != x.New)
                .Select(x => new ChangeRow(Label(x.alias), culture, x.Old, x.New)));
        }

        rows.AddRange(before.Shared.Keys.Union(after.Shared.Keys, StringComparer.Ordinal)
            .Select(alias => (alias, Old: Show(before.Shared.GetValueOrDefault(alias)), New: Show(after.Shared.GetValueOrDefault(alias))))
            .Where(x => x.Old != x.New)
            .Select(x => new ChangeRow(Label(x.alias), null, x.Old, x.New)));
        return rows;
    }

    private static string Show(JsonElement? value) => value is not { } v ? "" : v.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "",
        JsonValueKind.String => v.GetString()!,
        _ => v.GetRawText(),
    };

    private EditorColumn Column(DocumentType type, SiteCulture culture, Document? document, EditorForm? posted, IReadOnlyList<ContentError> errors, IReadOnlyDictionary<string, IReadOnlyList<PickOption>> options, bool editable, IReadOnlySet<string> changed, int? id)
    {
        var variant = document?.Variant(culture.Code);
        var fields = type.Properties.Where(p => p.VariesByCulture).ToDictionary(
            p => p.Alias,
            p =>
            {
                var name = $"{culture.Code}.p.{p.Alias}";
                var input = posted?.Typed.GetValueOrDefault(name) ?? PropertyForm.FromJson(p, variant?.Values.TryGetValue(p.Alias, out var v) == true ? v : null);
                return Field(p, culture.Code, input, errors, options);
            },
            StringComparer.Ordinal);
        var snapshot = snapshots.Current;
        var live = document is null || snapshot.Get(document.Id) is not { } published ? null : snapshot.In(published, culture.Code) is { IsFallback: false } page ? page.Url : null;
        return new EditorColumn(
            culture.Code,
            culture.NativeName,
            editable,
            posted?.Typed.GetValueOrDefault($"{culture.Code}.name")?.Text ?? variant?.Name ?? "",
            posted?.Typed.GetValueOrDefault($"{culture.Code}.segment")?.Text ?? (variant is { CustomSegment: true } ? variant.UrlSegment : ""),
            ErrorFor(errors, null, "name", culture.Code),
            ErrorFor(errors, null, "segment", culture.Code),
            Status(variant),
            fields,
            changed,
            id is null || variant is null && !(type.CultureFallback && document!.Variant(cultures.Default.Code) is not null) ? null : $"{BackOfficeHost.Path}/content/{id}/preview/{culture.Code}",
            live,
            variant);
    }

    private List<EditorField> SharedFields(DocumentType type, Document? document, EditorForm? posted, IReadOnlyList<ContentError> errors, IReadOnlyDictionary<string, IReadOnlyList<PickOption>> options) =>
        [.. type.Properties.Where(p => !p.VariesByCulture).Select(p =>
        {
            var input = posted?.Typed.GetValueOrDefault($"shared.{p.Alias}") ?? PropertyForm.FromJson(p, document?.SharedValues.TryGetValue(p.Alias, out var v) == true ? v : null);
            return Field(p, null, input, errors, options);
        })];

    private EditorField Field(PropertyType property, string? culture, FieldInput input, IReadOnlyList<ContentError> errors, IReadOnlyDictionary<string, IReadOnlyList<PickOption>> options) =>
        new(property, culture, input, ErrorFor(errors, property, property.Alias, culture), options.GetValueOrDefault(property.Alias) ?? [])
        {
            Preview = property.Editor == PropertyEditor.Markdown ? markdown.Render(input.Text) : null,
        };

    /// <summary>
    /// The fields whose value in the other culture changed since this culture was last saved: the other culture as it
    /// was then (the latest version saved before this culture's last save) against the other culture now.
    /// </summary>
    private async Task<IReadOnlySet<string>> ChangedInOtherAsync(DocumentType type, Document document, string culture, CancellationToken ct)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (document.Variant(culture) is not { } mine || !type.VariesByCulture
            || !cultures.Codes.Any(c => c != culture && document.Variant(c) is { } other && other.UpdatedUtc > mine.UpdatedUtc))
        {
            return changed;
        }

        var version = await content.GetVersionAsOfAsync(document.Id, mine.UpdatedUtc, ct);
        foreach (var other in cultures.Codes.Where(c => c != culture))
        {
            var then = version?.Data.Cultures.GetValueOrDefault(other);
            var now = document.Variant(other);
            if (then is null || now is null || now.UpdatedUtc <= mine.UpdatedUtc)
            {
                continue;
            }

            if (then.Name != now.Name)
            {
                changed.Add("name");
            }

            foreach (var property in type.Properties.Where(p => p.VariesByCulture))
            {
                if (Show(then.Values.GetValueOrDefault(property.Alias)) != Show(now.Values.GetValueOrDefault(property.Alias)))
                {
                    changed.Add(property.Alias);
                }
            }
        }

        return changed;
    }

    /// <summary>
    /// Values of pickers and choices that the editor did not offer (a crafted post naming another document, a media item
    /// that does not exist, an option not in the list): each an error by its field; the caller refuses the save.
    /// </summary>
    public async Task<IReadOnlyList<ContentError>> UnofferedAsync(DocumentType type, EditorForm posted, CancellationToken ct)
    {
        var options = await OptionsAsync(type, cultures.Default.Code, ct);
        var errors = new List<ContentError>();
        foreach (var (name, input) in posted.Typed)
        {
            var parts = name.Split('.');
            var (culture, alias) = parts is ["shared", var a] ? (null, a) : parts is [var c, "p", var b] ? (c, b) : ((string?)null, (string?)null);
            if (alias is null || !type.PropertiesByAlias.TryGetValue(alias, out var property) || !options.TryGetValue(alias, out var offered))
            {
                continue;
            }

            var values = property.Editor == PropertyEditor.KeyValueList ? input.RowValues ?? [] : input.Items;
            if (values.Any(v => v.Length > 0 && offered.All(o => o.Value != v)))
            {
                errors.Add(new ContentError(alias, culture, "key", "not one of the choices offered"));
            }
        }

        return errors;
    }

    /// <summary>What each picker offers: documents of the allowed types, or media with thumbnails.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<PickOption>>> OptionsAsync(DocumentType type, string culture, CancellationToken ct)
    {
        var result = new Dictionary<string, IReadOnlyList<PickOption>>(StringComparer.Ordinal);
        var collation = StringComparer.Create(cultures.Get(culture).Info, ignoreCase: true);
        foreach (var property in type.Properties)
        {
            switch (property.Editor)
            {
                case PropertyEditor.ContentPicker or PropertyEditor.MultiContentPicker:
                case PropertyEditor.KeyValueList when property.AllowedTypes.Count > 0:
                    var documents = await content.ListAsync(property.AllowedTypes.Count > 0 ? property.AllowedTypes : null, ct);
                    result[property.Alias] = [.. documents.Select(d => new PickOption(d.Key.ToString(), d.NameIn(culture))).OrderBy(o => o.Label, collation)];
                    break;
                case PropertyEditor.MediaPicker or PropertyEditor.MultiMediaPicker or PropertyEditor.File:
                    var wantsImage = property.Editor != PropertyEditor.File && property.Alias is not ("video");
                    result[property.Alias] = [.. media.All
                        .Where(m => property.Alias == "video" ? m.Kind == MediaKind.Video : wantsImage ? m.IsImage : !m.IsImage)
                        .OrderBy(m => m.Name, collation)
                        .Select(m => new PickOption(m.Key.ToString(), m.Name, m.IsImage ? MediaUrls.Preset(m, "thumb") : null))];
                    break;
                case PropertyEditor.Dropdown:
                    result[property.Alias] = [.. property.Options.Select(o => new PickOption(o.Value, o.Label[culture]))];
                    break;
            }
        }

        return result;
    }

    private string? ErrorFor(IReadOnlyList<ContentError> errors, PropertyType? property, string alias, string? culture) =>
        errors.FirstOrDefault(e => e.Property == alias && e.Culture == culture) is { } error ? Message(error, property) : null;

    /// <summary>Messages not about one field (a culture to publish first, the parent not published).</summary>
    private List<string> FormErrors(IReadOnlyList<ContentError> errors, DocumentType type) =>
        [.. errors.Where(e => e.Property is null || (!type.PropertiesByAlias.ContainsKey(e.Property) && e.Property is not ("name" or "segment")))
            .Select(e => (e.Culture is { } c ? $"[{cultures.Get(c).NativeName}] " : "") + Message(e, null))];

    /// <summary>A message in the screens' language: the rule's own message for patterns, the dictionary's for known codes.</summary>
    private string Message(ContentError error, PropertyType? property)
    {
        if (error.Code == "pattern" && property?.Validation.PatternMessage is { } patternMessage)
        {
            return patternMessage[text.CurrentCulture];
        }

        var rules = property?.Validation;
        return error.Code switch
        {
            "maxLength" when rules?.MaxLength is { } max => text.Format("BackOffice.Error.maxLength", max),
            "min" when rules?.Min is { } min => text.Format("BackOffice.Error.min", min),
            "max" when rules?.Max is { } max => text.Format("BackOffice.Error.max", max),
            "maxItems" when rules?.MaxItems is { } items => text.Format("BackOffice.Error.maxItems", items),
            "minItems" when rules?.MinItems is { } items => text.Format("BackOffice.Error.minItems", items),
            _ => text.TryGet($"BackOffice.Error.{error.Code}") ?? error.Message,
        };
    }

    private List<Crumb> Crumbs(ContentTree tree, int? id, string culture)
    {
        var crumbs = new List<Crumb> { new(text["BackOffice.Nav.Content"], $"{BackOfficeHost.Path}/content") };
        if (id is { } nodeId)
        {
            crumbs.AddRange(tree.Ancestors(nodeId).Select(a => new Crumb(a.NameIn(culture), $"{BackOfficeHost.Path}/content/{a.Id}")));
        }

        return crumbs;
    }
}
