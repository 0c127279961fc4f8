namespace Spcncl.Site.Cli;

/// <summary>A one-line progress bar on the console (redrawn in place on a terminal, printed every 10% otherwise).</summary>
public sealed class ConsoleProgressBar(string label) : IProgress<(int Done, int Total)>
{
    private const int Width = 40;
    private readonly Lock _gate = new();
    private int _lastTenth = -1;

    public void Report((int Done, int Total) value)
    {
        var fraction = value.Total == 0 ? 1 : Math.Clamp(value.Done / (double)value.Total, 0, 1);
        lock (_gate)
        {
            if (Console.IsOutputRedirected)
            {
                var tenth = (int)(fraction * 10);
                if (tenth != _lastTenth)
                {
                    _lastTenth = tenth;
                    Console.WriteLine($"{label}: {value.Done:#,##0} / {value.Total:#,##0} ({fraction:0%})");
                }

                return;
            }

            var filled = (int)Math.Round(fraction * Width);
            Console.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {value.Done:#,##0} / {value.Total:#,##0}");
        }
    }

    public void Finish()
    {
        if (!Console.IsOutputRedirected)
        {
            Console.WriteLine();
        }
    }
}
