using System.Diagnostics;
using ChatbotOrleans.LocalRun;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.LocalRun;

public sealed class AppLaunchTests
{
    [Fact]
    public void A_built_app_runs_its_assembly_with_its_arguments()
    {
        var info = new ProcessStartInfo();

        AppLaunch.Built("/repo/src/Silo/bin/Debug/net10.0/Silo.dll", "migrate").ApplyTo(info);

        info.FileName.ShouldBe("dotnet");
        info.ArgumentList.ShouldBe(["/repo/src/Silo/bin/Debug/net10.0/Silo.dll", "migrate"]);
        info.RedirectStandardInput.ShouldBeFalse();
    }

    [Fact]
    public void A_watched_app_runs_under_dotnet_watch_without_launch_profile_or_prompts()
    {
        var info = new ProcessStartInfo();

        AppLaunch.Watched("/repo/src/Silo/Silo.csproj", "run").ApplyTo(info);

        info.FileName.ShouldBe("dotnet");
        info.ArgumentList.ShouldBe(["watch", "run", "--project", "/repo/src/Silo/Silo.csproj", "--no-launch-profile", "--non-interactive", "--", "run"]);
        info.Environment["DOTNET_WATCH_RESTART_ON_RUDE_EDIT"].ShouldBe("1");
        info.Environment["DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER"].ShouldBe("1");
        info.Environment["DOTNET_USE_POLLING_FILE_WATCHER"].ShouldBe("1");
        info.RedirectStandardInput.ShouldBeTrue("dotnet watch must not read keys from run.sh's terminal");
    }

    [Fact]
    public void A_watched_app_without_arguments_passes_none_to_it_and_keeps_the_user_s_file_watcher_choice()
    {
        var info = new ProcessStartInfo();
        info.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "0";

        AppLaunch.Watched("/repo/src/Frontend/Frontend.csproj").ApplyTo(info);

        info.ArgumentList.ShouldNotContain("--");
        info.Environment["DOTNET_USE_POLLING_FILE_WATCHER"].ShouldBe("0");
    }
}
