using System.Diagnostics;

namespace ChatbotOrleans.LocalRun;

/// <summary>How an app process is started: its built assembly, or its project under <c>dotnet watch</c>.</summary>
public abstract record AppLaunch
{
    private AppLaunch()
    {
    }

    /// <summary>Runs the built assembly: <c>dotnet Assembly.dll args</c>.</summary>
    public static AppLaunch Built(string assembly, params string[] arguments) => new BuiltAssembly(assembly, arguments);

    /// <summary>
    /// Runs the project under <c>dotnet watch</c>: edits hot-reload into the running process, and an edit that
    /// cannot (a rude edit) rebuilds and restarts it without asking.
    /// </summary>
    public static AppLaunch Watched(string project, params string[] arguments) => new WatchedProject(project, arguments);

    /// <summary>The <c>dotnet</c> command line and the variables this launch adds to the process's environment.</summary>
    public abstract void ApplyTo(ProcessStartInfo info);

    /// <summary>The line the launcher prints once it watches the sources, if it watches them.</summary>
    public virtual string? WatchingLine => null;

    private sealed record BuiltAssembly(string Assembly, string[] Arguments) : AppLaunch
    {
        public override void ApplyTo(ProcessStartInfo info)
        {
            info.FileName = "dotnet";
            info.ArgumentList.Add(Assembly);
            foreach (var argument in Arguments)
            {
                info.ArgumentList.Add(argument);
            }
        }
    }

    private sealed record WatchedProject(string Project, string[] Arguments) : AppLaunch
    {
        public override string? WatchingLine => WatchCommand.WatchingLine;

        public override void ApplyTo(ProcessStartInfo info)
        {
            info.FileName = "dotnet";
            foreach (var argument in WatchCommand.Arguments(Project, Arguments))
            {
                info.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in WatchCommand.Variables)
            {
                info.Environment[name] = value;
            }

            // A value of the user's wins (see WatchCommand.PollingVariable).
            info.Environment.TryAdd(WatchCommand.PollingVariable, "1");

            // Input of its own: dotnet watch would otherwise read keys from run.sh's terminal, Ctrl+C among them.
            info.RedirectStandardInput = true;
        }
    }
}
