using ChatbotOrleans.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// <c>silo models</c>: lists the models the configuration offers (as the silo would read it, Docker secrets
/// included) and checks each endpoint, one line per model. Exit code 0 when all answer, 1 when any does not.
/// </summary>
internal static class ModelsCommand
{
    public const int SomeModelFailed = 1;

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder([.. args]);
        builder.Configuration.AddDockerSecrets();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddChatModel();
        using var host = builder.Build();
        host.Services.GetService<IStartupValidator>()?.Validate();

        using var http = new HttpClient { Timeout = CheckTimeout };
        return await CheckAllAsync(host.Services.GetRequiredService<IReadOnlyList<ConfiguredChatModel>>(), http, output, cancellationToken);
    }

    /// <summary>The command's work once the configuration is read: one line per model, then a summary.</summary>
    public static async Task<int> CheckAllAsync(
        IReadOnlyList<ConfiguredChatModel> models, HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        if (models.Count == 0)
        {
            await output.WriteLineAsync(
                "No model is configured: replies come from the offline bot. Set OpenAI__ApiKey or OpenAI__Endpoint, or Models__Catalog__<id>__Endpoint.");
            return 0;
        }

        var failed = 0;
        foreach (var model in models)
        {
            var (ok, detail) = await ModelEndpointCheck.CheckAsync(http, model.OpenAI, cancellationToken);
            failed += ok ? 0 : 1;
            var role = model == models[0] ? ", default" : "";
            await output.WriteLineAsync(
                $"{(ok ? "ok  " : "FAIL")}  {model.Id} ({model.DisplayName}{role}): {model.OpenAI.Model} at {model.OpenAI.DisplayEndpoint}: {detail}");
        }

        await output.WriteLineAsync(failed == 0
            ? $"All {models.Count} model(s) answer."
            : $"{failed} of {models.Count} model(s) do not answer; replies from them will fail.");
        return failed == 0 ? 0 : SomeModelFailed;
    }
}
