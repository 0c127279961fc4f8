using System.Globalization;
using System.Text.Json;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;

namespace Spcncl.Site.BackOffice.Editing;

/// <summary>
/// A posted editor form, read: which button, from which revision, each culture's name, segment and values, the
/// shared values, the cultures to publish or schedule, and what was typed (for showing the form again).
/// </summary>
public sealed class EditorForm
{
    private readonly Dictionary<string, VariantInput> _variants = new(StringComparer.Ordinal);

    private EditorForm()
    {
    }

    public EditorAction Action { get; private init; }

    public int Revision { get; private init; }

    /// <summary>The cultures the form carries fields for.</summary>
    public IReadOnlyList<string> Cultures => [.. _variants.Keys];

    /// <summary>The shared values the form carries (null: the form had no shared fields).</summary>
    public IReadOnlyDictionary<string, JsonElement?>? Shared { get; private set; }

    public IReadOnlyList<string> PublishCultures { get; private init; } = [];

    public DateTimeOffset? ScheduleAt { get; private init; }

    public ScheduledKind ScheduleKind { get; private init; }

    /// <summary>Values that could not be read at all (a number that is not one), by property and culture.</summary>
    public List<ContentError> ReadErrors { get; } = [];

    /// <summary>What was typed, by form field name (<c>en.p.summary</c>, <c>shared.images</c>, <c>en.name</c>).</summary>
    public Dictionary<string, FieldInput> Typed { get; } = new(StringComparer.Ordinal);

    public static EditorForm Read(DocumentType type, IFormCollection form, SiteCultures cultures)
    {
        var editor = new EditorForm
        {
            Action = form["action"].ToString() switch
            {
                "publish" => EditorAction.Publish,
                "unpublish" => EditorAction.Unpublish,
                "schedule" => EditorAction.Schedule,
                _ => EditorAction.Save,
            },
            Revision = int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0,
            PublishCultures = [.. form["publish"].Where(c => c is not null && cultures.IsSupported(c)).Select(c => c!).Distinct(StringComparer.Ordinal)],
            ScheduleAt = DateTime.TryParseExact(form["scheduleAt"].ToString(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? new DateTimeOffset(at, CultureFormatter.SiteTimeZone.GetUtcOffset(at))
                : null,
            ScheduleKind = form["scheduleKind"] == "unpublish" ? ScheduledKind.Unpublish : ScheduledKind.Publish,
        };

        foreach (var culture in cultures.Codes.Where(c => form.ContainsKey($"{c}.name")))
        {
            var values = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
            foreach (var property in type.Properties.Where(p => p.VariesByCulture))
            {
                var name = $"{culture}.p.{property.Alias}";
                if (PropertyForm.IsOnForm(property, form, name))
                {
                    values[property.Alias] = editor.ReadField(property, form, name, culture);
                }
            }

            var typedName = form[$"{culture}.name"].ToString();
            var segment = form[$"{culture}.segment"].ToString().Trim();
            editor.Typed[$"{culture}.name"] = new FieldInput([typedName]);
            editor.Typed[$"{culture}.segment"] = new FieldInput([segment]);

            // A culture left completely empty on a new translation is not a translation yet: nothing is sent for it.
            if (typedName.Trim().Length == 0 && values.Values.All(v => v is null) && form[$"{culture}.exists"] != "true")
            {
                continue;
            }

            editor._variants[culture] = new VariantInput(typedName.Trim(), segment.Length == 0 ? null : segment, values);
        }

        if (form.ContainsKey("shared.present"))
        {
            var shared = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
            foreach (var property in type.Properties.Where(p => !p.VariesByCulture))
            {
                var name = $"shared.{property.Alias}";
                if (PropertyForm.IsOnForm(property, form, name))
                {
                    shared[property.Alias] = editor.ReadField(property, form, name, null);
                }
            }

            editor.Shared = shared;
        }

        return editor;
    }

    /// <summary>The cultures to save, as the content service takes them.</summary>
    public IReadOnlyDictionary<string, VariantInput> Variants(IReadOnlySet<string> allowed) =>
        _variants.Where(v => allowed.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    private JsonElement? ReadField(PropertyType property, IFormCollection form, string name, string? culture)
    {
        var value = PropertyForm.Read(property, form, name);
        Typed[name] = value.Input;
        if (value.Error is { } code)
        {
            ReadErrors.Add(new ContentError(property.Alias, culture, code, code));
        }

        return value.Json;
    }
}

public enum EditorAction
{
    Save,
    Publish,
    Unpublish,
    Schedule,
}
