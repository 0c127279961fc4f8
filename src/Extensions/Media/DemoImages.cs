using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Spcncl.Media;

/// <summary>
/// Sample pictures for the demo data, drawn from a seed: the same recipe always gives the same pixels, nothing is
/// downloaded, and no picture carries words (so it suits both languages). Product shots are a lit object on a
/// studio backdrop in the sector's colours; logos a geometric mark; banners a layered landscape.
/// </summary>
public static class DemoImages
{
    public static Image<Rgb24> Render(DemoImageRecipe recipe) => recipe.Style switch
    {
        "product" => Product(recipe),
        "logo" => Logo(recipe),
        "banner" => Banner(recipe),
        _ => throw new ArgumentOutOfRangeException(nameof(recipe), recipe.Style, "Unknown demo image style (product, logo, banner)."),
    };

    private static Image<Rgb24> Product(DemoImageRecipe recipe)
    {
        var random = new Random(recipe.Seed);
        var (hue, saturation) = Palette(recipe.Palette, random);
        var backdrop = FromHsl(hue, saturation * 0.35, 0.92);
        var backdropDark = FromHsl(hue, saturation * 0.4, 0.78);
        var body = FromHsl((hue + random.Next(-25, 25) + 360) % 360, saturation, 0.45 + random.NextDouble() * 0.15);
        var accent = FromHsl((hue + 180) % 360, 0.55, 0.55);
        var shape = random.Next(3);
        var cx = 0.5 + (random.NextDouble() - 0.5) * 0.12;
        var cy = 0.48 + (random.NextDouble() - 0.5) * 0.08;
        var sx = 0.22 + random.NextDouble() * 0.1;
        var sy = 0.24 + random.NextDouble() * 0.12;
        var stripe = 0.15 + random.NextDouble() * 0.5;

        var image = new Image<Rgb24>(recipe.Width, recipe.Height);
        var aspect = (double)recipe.Width / recipe.Height;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var v = (double)y / recipe.Height;
                for (var x = 0; x < row.Length; x++)
                {
                    var u = (double)x / recipe.Width;
                    var color = Mix(backdrop, backdropDark, Math.Clamp((v - 0.55) * 2.2, 0, 1));

                    // A soft floor shadow, then the object, lit from the upper left.
                    var shadow = Math.Exp(-(Square((u - cx) * aspect / (sx * 1.25)) + Square((v - (cy + sy + 0.04)) / 0.035)));
                    color = Mix(color, new Rgb24(40, 32, 28), shadow * 0.35);
                    var dx = (u - cx) * aspect / sx;
                    var dy = (v - cy) / sy;
                    var distance = shape switch
                    {
                        0 => Math.Sqrt(dx * dx + dy * dy),
                        1 => Math.Max(Math.Abs(dx) * 0.92, Math.Abs(dy)),
                        _ => Math.Pow(Math.Pow(Math.Abs(dx), 4) + Math.Pow(Math.Abs(dy), 4), 0.25),
                    };
                    if (distance <= 1)
                    {
                        var light = Math.Clamp(0.75 - 0.35 * dx - 0.45 * dy, 0.25, 1.15);
                        var surface = Math.Abs(dy - stripe) < 0.07 ? accent : body;
                        var lit = Scale(surface, light);
                        var edge = Math.Clamp((1 - distance) * 40, 0, 1);
                        color = Mix(color, lit, edge);
                        var highlight = Math.Exp(-(Square(dx + 0.35) + Square(dy + 0.45)) * 9);
                        color = Mix(color, new Rgb24(255, 255, 255), highlight * 0.45 * edge);
                    }

                    row[x] = color;
                }
            }
        });
        return image;
    }

    private static Image<Rgb24> Logo(DemoImageRecipe recipe)
    {
        var random = new Random(recipe.Seed);
        var (hue, saturation) = Palette(recipe.Palette, random);
        var primary = FromHsl(hue, saturation, 0.38);
        var secondary = FromHsl((hue + 40 + random.Next(60)) % 360, saturation, 0.55);
        var sides = 3 + random.Next(4);
        var rotation = random.NextDouble() * Math.PI;
        var ring = random.Next(2) == 0;

        var image = new Image<Rgb24>(recipe.Width, recipe.Height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var u = (double)x / recipe.Width * 2 - 1;
                    var v = (double)y / recipe.Height * 2 - 1;
                    var radius = Math.Sqrt(u * u + v * v);
                    var angle = Math.Atan2(v, u) + rotation;
                    var polygon = Math.Cos(Math.PI / sides) / Math.Cos((((angle % (2 * Math.PI / sides)) + 2 * Math.PI / sides) % (2 * Math.PI / sides)) - Math.PI / sides);
                    var color = new Rgb24(255, 255, 255);
                    if (radius < 0.82 && (!ring || radius > 0.66))
                    {
                        color = primary;
                    }

                    if (radius < 0.5 * polygon)
                    {
                        color = secondary;
                    }

                    if (radius < 0.18)
                    {
                        color = new Rgb24(255, 255, 255);
                    }

                    row[x] = color;
                }
            }
        });
        return image;
    }

    private static Image<Rgb24> Banner(DemoImageRecipe recipe)
    {
        var random = new Random(recipe.Seed);
        var (hue, saturation) = Palette(recipe.Palette, random);
        var sky = FromHsl(hue, saturation * 0.5, 0.85);
        var skyHigh = FromHsl((hue + 20) % 360, saturation * 0.6, 0.65);
        var layers = Enumerable.Range(0, 4).Select(i => (
            Color: FromHsl((hue + i * 12) % 360, saturation, 0.62 - i * 0.12),
            Base: 0.45 + i * 0.13,
            Amplitude: 0.05 + random.NextDouble() * 0.06,
            Frequency: 2 + random.NextDouble() * 4,
            Phase: random.NextDouble() * Math.PI * 2)).ToArray();
        var sunX = 0.2 + random.NextDouble() * 0.6;

        var image = new Image<Rgb24>(recipe.Width, recipe.Height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var v = (double)y / recipe.Height;
                for (var x = 0; x < row.Length; x++)
                {
                    var u = (double)x / recipe.Width;
                    var color = Mix(skyHigh, sky, v * 1.6);
                    var sun = Math.Sqrt(Square((u - sunX) * recipe.Width / recipe.Height) + Square(v - 0.28));
                    if (sun < 0.09)
                    {
                        color = new Rgb24(255, 236, 180);
                    }

                    foreach (var layer in layers)
                    {
                        var ridge = layer.Base + layer.Amplitude * Math.Sin(u * layer.Frequency * Math.PI + layer.Phase);
                        if (v > ridge)
                        {
                            color = layer.Color;
                        }
                    }

                    row[x] = color;
                }
            }
        });
        return image;
    }

    /// <summary>A hue per sector code, so a sector's products look related; anything else picks from the seed.</summary>
    private static (double Hue, double Saturation) Palette(string? palette, Random random) => palette switch
    {
        "mechanical" => (210, 0.35),
        "electrical" => (45, 0.75),
        "it" => (195, 0.6),
        "textile" => (330, 0.45),
        "food" => (95, 0.5),
        "chemicals" => (265, 0.4),
        "materials" => (25, 0.35),
        "handicrafts" => (12, 0.6),
        "programme" => (356, 0.62),
        _ => (random.Next(360), 0.5),
    };

    private static double Square(double value) => value * value;

    private static Rgb24 Mix(Rgb24 a, Rgb24 b, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new Rgb24((byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));
    }

    private static Rgb24 Scale(Rgb24 color, double factor) =>
        new((byte)Math.Clamp(color.R * factor, 0, 255), (byte)Math.Clamp(color.G * factor, 0, 255), (byte)Math.Clamp(color.B * factor, 0, 255));

    private static Rgb24 FromHsl(double hue, double saturation, double lightness)
    {
        var c = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var h = hue / 60;
        var x = c * (1 - Math.Abs(h % 2 - 1));
        var (r, g, b) = h switch
        {
            < 1 => (c, x, 0.0),
            < 2 => (x, c, 0.0),
            < 3 => (0.0, c, x),
            < 4 => (0.0, x, c),
            < 5 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        var m = lightness - c / 2;
        return new Rgb24((byte)Math.Round((r + m) * 255), (byte)Math.Round((g + m) * 255), (byte)Math.Round((b + m) * 255));
    }
}

/// <summary>How to draw one demo picture: style (product, logo, banner), seed, palette (a sector code) and size.</summary>
public sealed record DemoImageRecipe(string Style, int Seed, string? Palette, int Width, int Height);
