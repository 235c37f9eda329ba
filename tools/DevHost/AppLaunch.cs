using System.Diagnostics;

namespace ChatbotOrleans.DevHost;

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
        // dotnet watch takes its snapshot of the sources before it says so: an edit saved earlier is missed.
        public override string? WatchingLine => "dotnet watch : Waiting for changes";

        public override void ApplyTo(ProcessStartInfo info)
        {
            info.FileName = "dotnet";
            // No launch profile: its URL and connection string would override the ones run.sh hands out.
            foreach (var argument in (string[])["watch", "run", "--project", Project, "--no-launch-profile", "--non-interactive"])
            {
                info.ArgumentList.Add(argument);
            }

            if (Arguments.Length > 0)
            {
                info.ArgumentList.Add("--");
                foreach (var argument in Arguments)
                {
                    info.ArgumentList.Add(argument);
                }
            }

            info.Environment["DOTNET_WATCH_RESTART_ON_RUDE_EDIT"] = "1";
            info.Environment["DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER"] = "1";
            info.Environment["DOTNET_WATCH_SUPPRESS_EMOJIS"] = "1";

            // dotnet watch takes an inotify instance per watched folder, and Linux allows a user 128 of them in
            // all (IDEs and other .NET processes share them): polling cannot run out. A value of the user's wins.
            info.Environment.TryAdd("DOTNET_USE_POLLING_FILE_WATCHER", "1");

            // Input of its own: dotnet watch would otherwise read keys from run.sh's terminal, Ctrl+C among them.
            info.RedirectStandardInput = true;
        }
    }
}
