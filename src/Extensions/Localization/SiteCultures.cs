using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Spcncl.Localization;

/// <summary>The configured cultures, validated once at start-up. Everything that needs "which languages exist" asks this.</summary>
public sealed class SiteCultures
{
    private readonly FrozenDictionary<string, SiteCulture> _byCode;

    public SiteCultures(IOptions<CultureOptions> options)
        : this(options.Value.Cultures)
    {
    }

    public SiteCultures(IEnumerable<CultureDefinition> definitions)
    {
        var list = definitions.Select(d => new SiteCulture(d.Code, d.NativeName, CultureInfo.GetCultureInfo(d.Locale), d.Default, d.DateFormat, d.DateTimeFormat)).ToList();
        if (list.Count == 0)
        {
            throw new Hosting.SiteConfigurationException("Site:Cultures is empty: at least one culture must be configured.");
        }

        var defaults = list.Where(c => c.IsDefault).ToList();
        if (defaults.Count != 1)
        {
            throw new Hosting.SiteConfigurationException($"Site:Cultures must mark exactly one culture as Default; found {defaults.Count}.");
        }

        var duplicate = list.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new Hosting.SiteConfigurationException($"Site:Cultures lists '{duplicate.Key}' twice.");
        }

        // The default culture comes first so that "all cultures" lists read in a stable, meaningful order.
        All = [.. defaults, .. list.Where(c => !c.IsDefault)];
        Default = defaults[0];
        Codes = [.. All.Select(c => c.Code)];
        _byCode = All.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<SiteCulture> All { get; }

    public IReadOnlyList<string> Codes { get; }

    public SiteCulture Default { get; }

    public bool IsSupported(string? code) => code is not null && _byCode.ContainsKey(code);

    public SiteCulture Get(string code) =>
        _byCode.TryGetValue(code, out var culture) ? culture : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown culture.");

    public bool TryGet(string? code, out SiteCulture culture)
    {
        if (code is not null && _byCode.TryGetValue(code, out var found))
        {
            culture = found;
            return true;
        }

        culture = Default;
        return false;
    }

    /// <summary>The site culture whose locale is <paramref name="locale"/>, or the default.</summary>
    public SiteCulture FromLocale(CultureInfo locale) =>
        All.FirstOrDefault(c => c.Info.Name == locale.Name) ?? Default;

    /// <summary>Picks the best culture for an Accept-Language header (quality order), or the default.</summary>
    public SiteCulture FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Default;
        }

        var ranked = new List<(string Code, double Quality, int Order)>();
        var order = 0;
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var tag = pieces[0];
            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }

            if (quality <= 0 || tag.Length < 2)
            {
                continue;
            }

            var primary = tag.Split('-')[0].ToLowerInvariant();
            ranked.Add((primary, quality, order++));
        }

        foreach (var candidate in ranked.OrderByDescending(r => r.Quality).ThenBy(r => r.Order))
        {
            if (_byCode.TryGetValue(candidate.Code, out var culture))
            {
                return culture;
            }
        }

        return Default;
    }
}

public sealed record SiteCulture(string Code, string NativeName, CultureInfo Info, bool IsDefault, string DateFormat, string DateTimeFormat);
