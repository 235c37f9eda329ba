namespace ChatbotOrleans.LocalRun;

/// <summary>
/// The <c>dotnet watch</c> command line of an app project: edits hot-reload into the running process, and an edit
/// that cannot (a rude edit) rebuilds and restarts it without asking.
/// </summary>
public static class WatchCommand
{
    /// <summary>
    /// dotnet watch takes an inotify instance per watched folder, and Linux allows a user 128 of them in all (IDEs
    /// and other .NET processes share them): polling cannot run out. A value of the user's wins.
    /// </summary>
    public const string PollingVariable = "DOTNET_USE_POLLING_FILE_WATCHER";

    /// <summary>
    /// The line dotnet watch prints once it watches the sources. It takes its snapshot of them before it says so:
    /// an edit saved earlier is missed.
    /// </summary>
    public const string WatchingLine = "dotnet watch : Waiting for changes";

    /// <summary>The variables every watched app gets.</summary>
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>
    {
        ["DOTNET_WATCH_RESTART_ON_RUDE_EDIT"] = "1",
        ["DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER"] = "1",
        ["DOTNET_WATCH_SUPPRESS_EMOJIS"] = "1",
    };

    /// <summary>The arguments after <c>dotnet</c>.</summary>
    public static IReadOnlyList<string> Arguments(string project, IReadOnlyList<string> appArguments)
    {
        // No launch profile: its URL and connection string would override the ones run.sh hands out.
        List<string> arguments = ["watch", "run", "--project", project, "--no-launch-profile", "--non-interactive"];
        if (appArguments.Count > 0)
        {
            arguments.Add("--");
            arguments.AddRange(appArguments);
        }

        return arguments;
    }
}
