using System.Globalization;

namespace ChatbotOrleans.LocalRun;

/// <summary>The command line of <c>./run.sh</c>: <c>[--port 5080] [--watch] [--silos 1]</c>.</summary>
public sealed record RunOptions(int WebPort, bool Watch, int Silos = 1)
{
    public const int MaxSilos = 4;

    public const string Usage = "usage: ./run.sh [--port 5080] [--watch] [--silos 1]";

    /// <summary>Reads the arguments, or throws <see cref="ArgumentException"/> saying which one is wrong.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RunOptions(5080, Watch: false);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : string.Empty;
            switch (args[i])
            {
                case "--watch":
                    options = options with { Watch = true };
                    break;
                case "--port" when TryNumber(value, 1, 65535, out var port):
                    options = options with { WebPort = port };
                    i++;
                    break;
                case "--port":
                    throw new ArgumentException($"--port needs a port number from 1 to 65535, got '{value}'; {Usage}");
                case "--silos" when TryNumber(value, 1, MaxSilos, out var silos):
                    options = options with { Silos = silos };
                    i++;
                    break;
                case "--silos":
                    throw new ArgumentException($"--silos needs a number of silos from 1 to {MaxSilos}, got '{value}'; {Usage}");
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'; {Usage}");
            }
        }

        // Two watchers of one project would build into the same obj/ folder at once.
        return options is { Watch: true, Silos: > 1 }
            ? throw new ArgumentException($"--watch runs one silo; leave out --silos {options.Silos} or --watch; {Usage}")
            : options;
    }

    private static bool TryNumber(string text, int min, int max, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max;
}
