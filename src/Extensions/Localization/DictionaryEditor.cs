using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Spcncl.Content.Notifications;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Localization;

/// <summary>
/// Changes UI strings from the back office. A save is all or nothing: every changed string is checked (the key
/// exists, the text is not too long, its placeholders are the ones the code fills in, so a page can never fail to
/// format it, and nobody else changed it since it was shown), then all are written in one transaction with a change
/// instruction, so this instance and every other reload the dictionary. The uSync files are not touched: start-up
/// only adds missing strings, so edits made here survive restarts.
/// </summary>
public sealed partial class DictionaryEditor(SiteDbContextFactory dbFactory, ContentChangeDispatcher dispatcher, SiteCultures cultures)
{
    public const int MaxLength = 4000;

    public async Task<DictionarySaveResult> SaveAsync(IReadOnlyList<DictionaryEdit> edits, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var keys = edits.Select(e => e.Key).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.DictionaryEntries.Where(e => keys.Contains(e.Key)).ToListAsync(ct);
        var byKey = rows.ToLookup(r => r.Key, StringComparer.Ordinal);
        var errors = new List<DictionaryEditError>();
        var changes = new List<(DictionaryEdit Edit, DictionaryEntryEntity? Row)>();
        foreach (var edit in edits)
        {
            var value = (edit.Value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
            var current = byKey[edit.Key].FirstOrDefault(r => r.Culture == edit.Culture);
            if (!byKey[edit.Key].Any() || !cultures.IsSupported(edit.Culture))
            {
                errors.Add(new DictionaryEditError(edit.Key, edit.Culture, DictionaryEditProblem.UnknownKey));
                continue;
            }

            if (current?.Value == value)
            {
                continue;
            }

            if (edit.Original is { } original && (current?.Value ?? "") != original.Replace("\r\n", "\n", StringComparison.Ordinal))
            {
                errors.Add(new DictionaryEditError(edit.Key, edit.Culture, DictionaryEditProblem.ChangedMeanwhile));
                continue;
            }

            if (Problem(value, byKey[edit.Key].Select(r => r.Value)) is { } problem)
            {
                errors.Add(new DictionaryEditError(edit.Key, edit.Culture, problem));
                continue;
            }

            changes.Add((edit with { Value = value }, current));
        }

        if (errors.Count > 0)
        {
            return new DictionarySaveResult([], errors);
        }

        if (changes.Count == 0)
        {
            return new DictionarySaveResult([], []);
        }

        foreach (var (edit, row) in changes)
        {
            if (row is null)
            {
                db.DictionaryEntries.Add(new DictionaryEntryEntity { Key = edit.Key, Culture = edit.Culture, Value = edit.Value! });
            }
            else
            {
                row.Value = edit.Value!;
            }
        }

        dispatcher.Record(db, [new ContentChange(ContentChangeKind.RefreshDictionary, [])]);
        await db.SaveChangesAsync(ct);
        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshDictionary, [])], ct);
        return new DictionarySaveResult([.. changes.Select(c => c.Edit)], []);
    }

    /// <summary>
    /// What is wrong with a new text, or null. Its placeholders (<c>{0}</c>, <c>{1:N0}</c>) may only be ones the key's
    /// current texts use, since the code fills in no others, and braces must be well formed (<c>{{</c> for a brace).
    /// </summary>
    private static DictionaryEditProblem? Problem(string value, IEnumerable<string> currentValues)
    {
        if (value.Length > MaxLength)
        {
            return DictionaryEditProblem.TooLong;
        }

        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            return DictionaryEditProblem.Characters;
        }

        var allowed = currentValues.SelectMany(Placeholders).DefaultIfEmpty(-1).Max() + 1;
        if (Placeholders(value).Any(index => index >= allowed))
        {
            return DictionaryEditProblem.Placeholders;
        }

        try
        {
            _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, value, Enumerable.Repeat<object?>(0, allowed).ToArray());
            return null;
        }
        catch (FormatException)
        {
            return DictionaryEditProblem.Placeholders;
        }
    }

    private static IEnumerable<int> Placeholders(string text) =>
        PlaceholderPattern().Matches(text.Replace("{{", "", StringComparison.Ordinal)).Select(m => int.TryParse(m.Groups[1].ValueSpan, out var i) ? i : int.MaxValue);

    [GeneratedRegex(@"\{\s*(\d+)\s*[,:}]")]
    private static partial Regex PlaceholderPattern();
}

/// <param name="Original">The text as it was shown to the editor; when given, a text changed by someone else since is not overwritten.</param>
public sealed record DictionaryEdit(string Key, string Culture, string? Value, string? Original = null);

public sealed record DictionaryEditError(string Key, string Culture, DictionaryEditProblem Problem);

/// <summary>What a save did: the strings it changed, or (having changed nothing) what was wrong.</summary>
public sealed record DictionarySaveResult(IReadOnlyList<DictionaryEdit> Changed, IReadOnlyList<DictionaryEditError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Why a string was refused; each has <c>BackOffice.Dictionary.Error.{name}</c> in the dictionary.</summary>
public enum DictionaryEditProblem
{
    UnknownKey,
    TooLong,
    Characters,
    Placeholders,
    ChangedMeanwhile,
}
