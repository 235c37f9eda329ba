using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ChatbotOrleans.Grains;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Hosting;
using ChatbotOrleans.ServiceDefaults;
using ChatbotOrleans.Silo.ChatModels;
using ChatbotOrleans.Silo.Conversations;
using ChatbotOrleans.Silo.Dashboard;
using ChatbotOrleans.Silo.Email;
using ChatbotOrleans.Silo.Placement;
using ChatbotOrleans.Silo.Streams;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;

namespace ChatbotOrleans.Silo.Hosting;

public static class SiloHostingExtensions
{
    private const string Invariant = "Npgsql";

    private static readonly TelemetryProfile Telemetry = new("chatbot-silo", ["OpenAI.*"], ["OpenAI.*"]);

    /// <summary>The whole backend: grains, their adapters, and an Orleans silo on PostgreSQL.</summary>
    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(Telemetry);

        // The OpenAI client's traces and metrics are opt-in; with no listener they cost nothing.
        AppContext.SetSwitch("OpenAI.Experimental.EnableOpenTelemetry", true);
        var connectionString = DatabaseConnection.Read(builder.Configuration);
        var host = builder.Configuration.GetSection(SiloHostOptions.SectionName).Get<SiloHostOptions>() ?? new SiloHostOptions();
        builder.AddValidatedOptions<SiloHostOptions, SiloHostOptionsValidator>(SiloHostOptions.SectionName);
        builder.Services.AddOptions<DashboardAccessOptions>().BindConfiguration(DashboardAccessOptions.SectionName);
        builder.Services.AddSingleton<DashboardLockout>();
        builder.Services.AddHealthChecks().AddCheck<SiloReadyHealthCheck>("orleans-silo", tags: ["ready"]);

        builder.AddGrains();
        builder.Services.AddMessageLog(connectionString);
        builder.AddChatModel();
        builder.AddEmail();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = host.ClusterId;
                o.ServiceId = host.ServiceId;
            });
            silo.ConfigureEndpoints(ResolveAdvertisedAddress(host.AdvertisedIPAddress), host.SiloPort, host.GatewayPort, listenOnAnyHostAddress: true);
            silo.UseChatbotProviders(connectionString);
            silo.UseChatbotJobs();
            silo.BindOrleansTuning();

            silo.UsePlacementInTurn();
            silo.AddDashboard();
            silo.UseGrainDirectory();

            // Carries the trace context through grain calls; without a listener it creates no activity.
            silo.AddActivityPropagation();
        });
        return builder;
    }

    /// <summary>
    /// The providers every silo of this app uses, in production and in tests alike: ADO.NET
    /// clustering, grain storage and reminders on PostgreSQL, and the conversation streams.
    /// </summary>
    public static ISiloBuilder UseChatbotProviders(this ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddChatbotStorage(StorageNames.Chat, connectionString);
        silo.AddChatbotStorage("PubSubStore", connectionString);
        silo.AddConversationStreams();

        // A storage failure reaches the caller as an OrleansException wrapping Npgsql's exception. Orleans
        // serializes only Microsoft/System/Azure exceptions by default, so without this the answer itself
        // failed to serialize while the database was down, and the caller got a CodecNotFoundException.
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        return silo;
    }

    /// <summary>
    /// New activations go to the silos in turn, but for a user's grains, which start beside each other
    /// ([PreferLocalPlacement]). Placement by CPU or by activation count reads statistics a second old, and a burst of
    /// new conversations piled onto the silo that looked emptiest (bench/results/scale-out.md).
    /// </summary>
    internal static void UsePlacementInTurn(this ISiloBuilder silo)
    {
        silo.Services.AddPlacementDirector<RoundRobinPlacement, RoundRobinPlacementDirector>();
        silo.Services.AddSingleton<PlacementStrategy, RoundRobinPlacement>();
    }

    /// <summary>
    /// The grain directory: Orleans' distributed one (experimental in Orleans 10), unless
    /// <c>Orleans:DistributedGrainDirectory</c> is false. It stays consistent while silos join and leave, where the
    /// default can briefly activate a conversation twice in a rolling restart, and the model is asked twice; every
    /// silo of a cluster must use the same one.
    /// </summary>
    private static void UseGrainDirectory(this ISiloBuilder silo)
    {
        // Not under Orleans:GrainDirectory, where Orleans looks for directory providers. RangeLeaseDuration says how
        // long the distributed directory holds back a dead silo's grains (bench/results/scale-out.md).
        silo.Services.AddOptions<GrainDirectoryOptions>().BindConfiguration("Orleans:Directory");
        if (silo.Configuration.GetValue("Orleans:DistributedGrainDirectory", true))
        {
#pragma warning disable ORLEANSEXP003 // Experimental: measured in bench/results/scale-out.md; off by configuration.
            silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        }
    }

    /// <summary>
    /// The cluster-wide scheduled jobs that must run without anyone calling a grain first: every silo
    /// makes sure at start that their reminders exist (registering is idempotent).
    /// </summary>
    public static ISiloBuilder UseChatbotJobs(this ISiloBuilder silo) =>
        silo.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<IReplySweepGrain>(0).StartAsync());

    /// <summary>
    /// How often a silo writes its heartbeat (Orleans' default is 30 s): a silo that died without leaving stays
    /// listed until its heartbeat is three periods old, and a silo coming back at a new address waits for that.
    /// </summary>
    public static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Orleans' own timing knobs, left at Orleans' defaults unless configured, except the heartbeat
    /// (<see cref="HeartbeatPeriod"/>): failure detection (<c>Orleans:Membership</c>, e.g.
    /// <c>Orleans__Membership__ProbeTimeout</c>) and the shortest reminder period
    /// (<c>Orleans:MinimumReminderPeriod</c>; not under <c>Orleans:Reminders</c>, which Orleans reads
    /// as a provider). Fault tests shorten the probes to see a killed silo replaced in seconds.
    /// </summary>
    private static void BindOrleansTuning(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(o => o.IAmAliveTablePublishTimeout = HeartbeatPeriod)
            .BindConfiguration("Orleans:Membership");
        silo.Services.AddOptions<ReminderOptions>().Configure<IConfiguration>((o, configuration) =>
            o.MinimumReminderPeriod = configuration.GetValue("Orleans:MinimumReminderPeriod", o.MinimumReminderPeriod));
    }

    public static WebApplication MapSilo(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<DashboardAccessMiddleware>());
        app.MapOrleansDashboard("/dashboard");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapGet("/", () => Results.Redirect("/dashboard/"));
        return app;
    }

    /// <summary>
    /// ADO.NET storage with Orleans' own serializer: compact, fast, and tolerant of added fields as
    /// long as [Id]s are never renumbered (the default Newtonsoft JSON embeds type names and breaks
    /// on renames).
    /// </summary>
    private static void AddChatbotStorage(this ISiloBuilder silo, string name, string connectionString) =>
        silo.AddAdoNetGrainStorage(name, (OptionsBuilder<AdoNetGrainStorageOptions> options) => options.Configure<IServiceProvider>((o, services) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>());

            // A cleared state (a deleted chat, account, link or email) leaves no row behind, not an empty one.
            o.DeleteStateOnClear = true;
        }));

    private static IPAddress ResolveAdvertisedAddress(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return IPAddress.Loopback;
        }

        if (!string.Equals(configured, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.TryParse(configured, out var address)
                ? address
                : throw new ConfigurationException($"Orleans:AdvertisedIPAddress \"{configured}\" is not an IP address; use an address, \"auto\" or leave it empty.");
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? throw new ConfigurationException("Orleans:AdvertisedIPAddress is \"auto\" but this host has no non-loopback IPv4 address.");
    }
}
