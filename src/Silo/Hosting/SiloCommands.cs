using System.CommandLine;
using ChatbotOrleans.ServiceDefaults;
using ChatbotOrleans.Silo.ChatModels;
using ChatbotOrleans.Silo.Email;
using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.Silo.Usage;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.Hosting;

/// <summary>The silo's command line: run the silo (the default), or an admin task.</summary>
internal static class SiloCommands
{
    /// <summary>Exit code for a configuration mistake, after one line saying what to fix.</summary>
    public const int ConfigurationError = 2;

    public static RootCommand Create()
    {
        var run = new Command("run", "Run the silo (the default when no command is given).") { TreatUnmatchedTokensAsErrors = false };
        run.SetAction((parse, _) => RunAsync(parse.UnmatchedTokens));

        var migrate = new Command("migrate", "Apply the database migrations to ConnectionStrings:Orleans, then exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        migrate.SetAction((parse, cancellationToken) => MigrateAsync(parse.UnmatchedTokens, cancellationToken));

        var undelivered = new Command("undelivered", "List the emails the outbox gave up on, newest first (needs a running silo).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        undelivered.SetAction((parse, cancellationToken) =>
            ReportingConfigurationErrors(() => UndeliveredMailCommand.RunAsync(parse.UnmatchedTokens, Console.Out, cancellationToken)));
        var mail = new Command("mail", "Inspect the email outbox.") { undelivered };

        var day = new Option<string?>("--day") { Description = "The UTC day, YYYY-MM-DD; today when left out.", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int>("--top") { Description = "How many users to list.", DefaultValueFactory = _ => 10 };
        var usage = new Command("usage", "List a day's top users and models by tokens, with cost when prices are configured.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        usage.Options.Add(day);
        usage.Options.Add(top);
        usage.SetAction((parse, cancellationToken) => ReportingConfigurationErrors(() =>
            UsageCommand.RunAsync(parse.GetValue(day), parse.GetValue(top), parse.UnmatchedTokens, Console.Out, cancellationToken)));

        var models = new Command("models", "List the configured models and check that each endpoint answers (exit code 1 when one does not).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        models.SetAction((parse, cancellationToken) =>
            ReportingConfigurationErrors(() => ModelsCommand.RunAsync(parse.UnmatchedTokens, Console.Out, cancellationToken)));

        var root = new RootCommand("ChatbotOrleans silo: the Orleans backend of the chat app.") { TreatUnmatchedTokensAsErrors = false };
        root.Subcommands.Add(run);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(mail);
        root.Subcommands.Add(usage);
        root.Subcommands.Add(models);
        root.SetAction((parse, _) => RunAsync(parse.UnmatchedTokens));
        return root;
    }

    private static Task<int> RunAsync(IReadOnlyList<string> args) => ReportingConfigurationErrors(async () =>
    {
        var builder = WebApplication.CreateBuilder([.. args]);
        builder.AddSilo();
        await using var app = builder.Build();

        // Checked before the host starts, which would log each failure with its stack trace and start
        // Orleans first: a mistake ends here with the one line ReportingConfigurationErrors prints.
        app.Services.GetService<IStartupValidator>()?.Validate();
        await DatabaseReadiness.CheckAsync(DatabaseConnection.Read(builder.Configuration), requireSchema: true, app.Lifetime.ApplicationStopping);
        app.MapSilo();
        await app.RunAsync();
        return 0;
    });

    private static Task<int> MigrateAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) => ReportingConfigurationErrors(async () =>
    {
        var builder = Host.CreateApplicationBuilder([.. args]);
        builder.Configuration.AddDockerSecrets();
        var connectionString = DatabaseConnection.Read(builder.Configuration);
        await DatabaseReadiness.CheckAsync(connectionString, requireSchema: false, cancellationToken);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        var applied = await DatabaseMigrator.MigrateAsync(connectionString, logger, cancellationToken);
        Console.WriteLine(applied.Count == 0
            ? "The database is up to date; nothing to apply."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
        return 0;
    });

    private static async Task<int> ReportingConfigurationErrors(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception exception) when (ConfigurationMessage(exception) is { } message)
        {
            await Console.Error.WriteLineAsync($"error: {message}");
            return ConfigurationError;
        }
    }

    private static string? ConfigurationMessage(Exception exception) => exception switch
    {
        OptionsValidationException validation => string.Join(" ", validation.Failures.Select(f => OptionsFailure.Describe(validation.OptionsType, f))),
        ConfigurationException => exception.Message,
        InvalidOperationException when ConfigurationValueError.Describe(exception.Message) is { } sentence => sentence,
        AggregateException aggregate => AllConfigurationMessages(aggregate),
        _ => null,
    };

    // Several options can be wrong at once; each says what to fix, on the same line.
    private static string? AllConfigurationMessages(AggregateException aggregate)
    {
        var messages = aggregate.InnerExceptions.Select(ConfigurationMessage).ToList();
        return messages.Count > 0 && messages.All(m => m is not null) ? string.Join(" ", messages) : null;
    }
}
