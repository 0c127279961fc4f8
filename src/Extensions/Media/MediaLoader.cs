using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spcncl.Hosting;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Media;

/// <summary>
/// At start-up: the image-signing key (from <c>Site:Media:SigningKey</c>, or generated once and kept in the database,
/// so every instance signs alike) and the media index.
/// </summary>
public sealed class MediaLoader(SiteDbContextFactory dbFactory, MediaSigningKey signingKey, MediaIndex index, IOptions<MediaOptions> options) : ISiteLoader
{
    private const string SigningKeyState = "media.signingKey";

    public async Task LoadAsync(CancellationToken ct)
    {
        // Reading the options validates Site:Media (MediaOptionsValidator): a bad value stops start-up here, named.
        if (options.Value.SigningKey is { Length: > 0 } configured)
        {
            signingKey.Set(DecodeKey(configured));
        }
        else
        {
            await using var db = dbFactory.CreateDbContext();
            var stored = await db.SiteState.FirstOrDefaultAsync(s => s.Key == SigningKeyState, ct);
            if (stored is null)
            {
                stored = new SiteStateEntity { Key = SigningKeyState, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
                db.SiteState.Add(stored);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another instance generated it first: use theirs.
                    db.ChangeTracker.Clear();
                    stored = await db.SiteState.FirstAsync(s => s.Key == SigningKeyState, ct);
                }
            }

            signingKey.Set(Convert.FromBase64String(stored.Value));
        }

        await index.LoadAsync(ct);
    }

    private static byte[] DecodeKey(string configured)
    {
        try
        {
            return Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new SiteConfigurationException("Site:Media:SigningKey must be base64 (for example the output of `openssl rand -base64 32`).");
        }
    }
}
