using System.Security.Cryptography;
using System.Text;
using Spcncl.Localization;

namespace Spcncl.Media;

/// <summary>
/// The one place that builds media URLs and signs image commands. URLs carry the item's version, so a replaced file
/// gets new URLs and every URL can be cached for a year: <c>/media/{key}/{version}/{name}.{ext}?w=800&amp;fmt=auto&amp;s=…</c>.
/// </summary>
public sealed class MediaUrls(MediaSigningKey signingKey)
{
    public const string Prefix = "/media";
    private const int SignatureBytes = 16;

    /// <summary>
    /// A page shows the same images at the same widths request after request (a home page: 14 images, 70 URLs), so
    /// each signed URL is made once: the HMAC and the name's URL segment were half the time of rendering it. Emptied
    /// when it grows past <see cref="MaxRemembered"/>, so memory stays bounded whatever the catalogue's size.
    /// </summary>
    private const int MaxRemembered = 20_000;

    private readonly BoundedMemo<(Guid Key, int Version, string Name, ImageCommand Command), string> _made = new(MaxRemembered);

    public static string Original(MediaItem item) => $"{Prefix}/{item.Key:N}/{item.Version}/{FileSegment(item)}";

    /// <summary>A processed image. Presets go unsigned; any other command is signed.</summary>
    public string Image(MediaItem item, ImageCommand command)
    {
        if (command.IsNone)
        {
            return Original(item);
        }

        // The stored file, so its extension, is fixed by key and version.
        return _made.Get((item.Key, item.Version, item.Name, command), (Urls: this, Item: item), static (id, state) =>
        {
            var query = id.Command.ToQuery();
            return $"{Original(state.Item)}?{query}&s={state.Urls.Sign(id.Key, id.Version, query)}";
        });
    }

    public static string Preset(MediaItem item, string preset) => $"{Prefix}/{item.Key:N}/{item.Version}/{FileSegment(item)}?preset={preset}";

    public bool Verify(Guid key, int version, ImageCommand command, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(key, version, command.ToQuery()));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Sign(Guid key, int version, string query)
    {
        var message = Encoding.UTF8.GetBytes($"{key:N}/{version}?{query}");
        var hash = HMACSHA256.HashData(signingKey.Bytes, message);
        return Base64Url(hash.AsSpan(0, SignatureBytes));
    }

    /// <summary>The readable last segment: the item's name as a URL segment, with the stored extension.</summary>
    public static string FileSegment(MediaItem item)
    {
        var name = UrlSegments.FromName(Path.GetFileNameWithoutExtension(item.Name));
        return $"{(name.Length == 0 ? "file" : name)}.{item.Extension}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The HMAC key for image commands: from configuration, or generated once and kept in the database so every instance shares it.</summary>
public sealed class MediaSigningKey
{
    private byte[]? _bytes;

    public byte[] Bytes => _bytes ?? throw new InvalidOperationException("The media signing key is not loaded yet (the site is still starting).");

    public void Set(byte[] bytes)
    {
        if (bytes.Length < 32)
        {
            throw new Hosting.SiteConfigurationException("Site:Media:SigningKey must be at least 32 bytes (base64).");
        }

        _bytes = bytes;
    }
}
