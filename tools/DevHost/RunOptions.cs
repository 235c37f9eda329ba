using System.Globalization;

namespace ChatbotOrleans.DevHost;

/// <summary>The command line of <c>./run.sh</c>: <c>[--port 5080] [--watch]</c>.</summary>
public sealed record RunOptions(int WebPort, bool Watch)
{
    public const string Usage = "usage: ./run.sh [--port 5080] [--watch]";

    /// <summary>Reads the arguments, or throws <see cref="ArgumentException"/> saying which one is wrong.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RunOptions(5080, Watch: false);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--watch":
                    options = options with { Watch = true };
                    break;
                case "--port" when i + 1 < args.Count
                    && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                    && port is > 0 and <= 65535:
                    options = options with { WebPort = port };
                    i++;
                    break;
                case "--port":
                    throw new ArgumentException($"--port needs a port number from 1 to 65535, got '{(i + 1 < args.Count ? args[i + 1] : string.Empty)}'; {Usage}");
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'; {Usage}");
            }
        }

        return options;
    }
}
