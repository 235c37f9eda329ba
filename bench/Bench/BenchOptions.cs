namespace ChatbotOrleans.Bench;

/// <summary>
/// The command line: <c>[--quick] [--durable] [--out FILE] [--only PHASE[,PHASE]] [--silo-env KEY=VALUE]… [--heap]</c>.
/// </summary>
public sealed record BenchOptions
{
    public BenchSizes Sizes { get; init; } = BenchSizes.Default;

    /// <summary>Commits wait for the disk (see <see cref="Hosting.BenchStack.StartAsync"/>).</summary>
    public bool Durable { get; init; }

    public string? Output { get; init; }

    /// <summary>The phases to run, by key (<see cref="BenchPhase.All"/>) with the phases whose baselines they need; empty for all of them.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>
    /// Extra environment of the silo process, to compare runtime settings without a rebuild (e.g.
    /// <c>DOTNET_gcServer=0</c>, <c>DOTNET_GCConserveMemory=5</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> SiloEnvironment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Section 5 also dumps the silo's heap and logs its largest types (slow: a minute per GiB).</summary>
    public bool HeapBreakdown { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        var only = new List<string>();
        var environment = new Dictionary<string, string?>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
            switch (args[i])
            {
                case "--quick":
                    options = options with { Sizes = BenchSizes.Quick };
                    break;
                case "--durable":
                    options = options with { Durable = true };
                    break;
                case "--out":
                    options = options with { Output = Value() };
                    break;
                case "--only":
                    only.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--silo-env":
                    var pair = Value().Split('=', 2);
                    environment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException($"--silo-env {pair[0]}: expected KEY=VALUE.");
                    break;
                case "--heap":
                    options = options with { HeapBreakdown = true };
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        BenchPhase.Select(only); // throws on an unknown phase

        return options with { Only = only, SiloEnvironment = environment };
    }
}
