using System.CommandLine;
using ChatbotOrleans.Silo.Hosting;

// Signals belong to the host (graceful shutdown leaves the cluster), not to the command-line parser.
return await SiloCommands.Create()
    .Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
