using System.Runtime.InteropServices;
using ChatbotOrleans.DevHost;

// The README's run command: a local PostgreSQL unless one is configured, migrations, one silo and the
// web frontend (with --watch under dotnet watch), all stopped by Ctrl+C.
RunOptions options;
try
{
    options = RunOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 2;
}

var layout = RepositoryLayout.Find();
using var stopping = new CancellationTokenSource();

// Ctrl+C and SIGTERM both mean "stop everything I started"; cancelling the default lets the stack
// below stop the processes and PostgreSQL before this process exits.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    await using var stack = await LocalStack.StartAsync(layout, options.WebPort, options.Watch, Console.WriteLine, stopping.Token);
    Console.WriteLine();
    Console.WriteLine($"ChatbotOrleans is running: open {stack.WebUrl}");
    Console.WriteLine($"Orleans Dashboard: {stack.DashboardUrl}   (Ctrl+C stops everything)");
    if (options.Watch)
    {
        Console.WriteLine("Watching src/: an edit hot-reloads into the silo or the frontend, or restarts the one it cannot reload into.");
    }

    Console.WriteLine();
    var exited = await stack.WaitForExitAsync(stopping.Token);

    // On Ctrl+C the terminal signals the children too, so one may exit first: that is no crash.
    if (exited is not null && !stopping.IsCancellationRequested)
    {
        Console.Error.WriteLine($"error: {exited.Name} stopped unexpectedly (exit code {exited.ExitCode}); stopping the rest.");
        return 1;
    }

    Console.WriteLine("Stopping…");
    return 0;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.WriteLine("Stopped.");
    return 0;
}
catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
