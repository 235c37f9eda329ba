using System.Globalization;

namespace ChatbotOrleans.Deployment.Tests;

public sealed class SwarmStackTests
{
    private static readonly string[] SecretTargets = ["ConnectionStrings__Orleans", "OpenAI__ApiKey", "Smtp__Password", "Dashboard__Password"];

    private readonly IDictionary<object, object?> _stack = YamlDocument.Load("deploy/swarm/stack.yml");

    private IDictionary<object, object?> Service(string name) => _stack.Map("services").Map(name);

    private IReadOnlyList<string> Labels(string name) => Service(name).Map("deploy").Strings("labels");

    private IReadOnlyList<string> TraefikCommand => Service("traefik").Strings("command");

    [Fact]
    public void Traefik_v3_reads_the_swarm_and_redirects_HTTP_to_HTTPS()
    {
        Service("traefik").Text("image").ShouldStartWith("traefik:v3");
        TraefikCommand.ShouldContain(c => c.StartsWith("--providers.swarm.endpoint=", StringComparison.Ordinal));
        TraefikCommand.ShouldContain("--providers.swarm.exposedByDefault=false");
        TraefikCommand.ShouldContain("--entrypoints.web.http.redirections.entrypoint.to=websecure");
        TraefikCommand.ShouldContain("--entrypoints.web.http.redirections.entrypoint.scheme=https");
        TraefikCommand.ShouldContain("--entrypoints.websecure.address=:443");
    }

    [Fact]
    public void Certificates_come_from_Lets_Encrypt_and_are_kept_in_a_volume()
    {
        TraefikCommand.ShouldContain(c => c.StartsWith("--certificatesresolvers.letsencrypt.acme.email=", StringComparison.Ordinal));
        TraefikCommand.ShouldContain("--certificatesresolvers.letsencrypt.acme.storage=/letsencrypt/acme.json");
        TraefikCommand.ShouldContain(c => c.StartsWith("--certificatesresolvers.letsencrypt.acme.", StringComparison.Ordinal) && c.Contains("challenge", StringComparison.Ordinal));
        Service("traefik").Strings("volumes").ShouldContain(v => v.EndsWith(":/letsencrypt", StringComparison.Ordinal));
        Labels("frontend").ShouldContain("traefik.http.routers.chatbot.tls.certresolver=letsencrypt");
    }

    [Fact]
    public void Traefik_routes_on_the_overlay_network_the_apps_share()
    {
        var network = _stack.Map("networks").Map("chatbot");
        network.Text("driver").ShouldBe("overlay");
        TraefikCommand.ShouldContain("--providers.swarm.network=" + network.Text("name"));
    }

    [Fact]
    public void Frontend_is_served_over_HTTPS_with_sticky_sessions_and_compression()
    {
        var labels = Labels("frontend");
        labels.ShouldContain("traefik.enable=true");
        labels.ShouldContain(l => l.StartsWith("traefik.http.routers.chatbot.rule=Host(", StringComparison.Ordinal));
        labels.ShouldContain("traefik.http.routers.chatbot.entrypoints=websecure");
        labels.ShouldContain("traefik.http.services.chatbot.loadbalancer.sticky.cookie=true");
        labels.ShouldContain("traefik.http.services.chatbot.loadbalancer.sticky.cookie.secure=true");
        labels.ShouldContain("traefik.http.services.chatbot.loadbalancer.server.port=8080");
        labels.ShouldContain("traefik.http.middlewares.chatbot-compress.compress=true");
        labels.ShouldContain(l => l.StartsWith("traefik.http.routers.chatbot.middlewares=", StringComparison.Ordinal) && l.Contains("chatbot-compress", StringComparison.Ordinal));
        Service("frontend").Environment()["ASPNETCORE_FORWARDEDHEADERS_ENABLED"].ShouldBe("true");
    }

    [Fact]
    public void Dashboard_has_its_own_host_behind_basic_auth()
    {
        var labels = Labels("silo");
        labels.ShouldContain(l => l.StartsWith("traefik.http.routers.dashboard.rule=Host(", StringComparison.Ordinal));
        labels.ShouldContain(l => l.StartsWith("traefik.http.routers.dashboard.middlewares=", StringComparison.Ordinal) && l.Contains("dashboard-auth", StringComparison.Ordinal));
        labels.ShouldContain("traefik.http.middlewares.dashboard-auth.basicauth.usersfile=/run/secrets/dashboard_users");
        Service("traefik").List("secrets").OfType<IDictionary<object, object?>>().ShouldContain(s => s.Text("target") == "dashboard_users");
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("frontend")]
    public void App_updates_start_first_and_roll_back_on_failure(string name)
    {
        var deploy = Service(name).Map("deploy");
        deploy.Text("replicas").ShouldBe("2");
        var update = deploy.Map("update_config");
        update.Text("order").ShouldBe("start-first");
        update.Text("failure_action").ShouldBe("rollback");
        Durations.Parse(update.Text("monitor")!).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        deploy.Map("rollback_config").Text("order").ShouldBe("start-first");
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("frontend")]
    public void Swarm_waits_longer_than_the_app_shuts_down(string name)
    {
        var service = Service(name);
        var configured = service.Environment().GetValueOrDefault("Shutdown__Timeout");
        var shutdown = configured is null
            ? ServiceDefaults.ServiceDefaultsExtensions.DefaultShutdownTimeout
            : TimeSpan.Parse(configured, CultureInfo.InvariantCulture);
        Durations.Parse(service.Text("stop_grace_period")!).ShouldBeGreaterThan(shutdown);
    }

    [Theory]
    [InlineData("traefik")]
    [InlineData("postgres")]
    [InlineData("silo")]
    [InlineData("frontend")]
    public void Long_running_services_have_healthchecks(string name) =>
        Service(name).Map("healthcheck").Strings("test").ShouldNotBeEmpty();

    [Fact]
    public void Silo_readiness_means_cluster_membership() =>
        string.Join(' ', Service("silo").Map("healthcheck").Strings("test")).ShouldContain("/health/ready");

    [Fact]
    public void Silos_advertise_their_own_task_address_on_a_single_network()
    {
        var silo = Service("silo");
        silo.Environment()["Orleans__AdvertisedIPAddress"].ShouldBe("auto");
        // "auto" takes the first non-loopback IPv4: a second network could make it pick an unreachable one.
        silo.Strings("networks").ShouldBe(["chatbot"]);
        silo.Map("deploy").Text("endpoint_mode").ShouldBe("dnsrr");
    }

    [Fact]
    public void Migration_is_a_one_shot_job_of_the_silo_image()
    {
        var migrate = Service("migrate");
        migrate.Map("deploy").Text("mode").ShouldBe("replicated-job");
        migrate.Strings("command").ShouldBe(["migrate"]);
        migrate.Text("image")!.ShouldContain("/silo:${MIGRATE_TAG");
        Service("silo").Text("image")!.ShouldContain("/silo:${APP_TAG");
        Service("frontend").Text("image")!.ShouldContain("/frontend:${APP_TAG");
    }

    [Fact]
    public void Every_secret_is_external()
    {
        var secrets = _stack.Map("secrets");
        secrets.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var (name, definition) in secrets)
        {
            ((IDictionary<object, object?>)definition!).Text("external").ShouldBe("true", $"secret {name}");
        }
    }

    [Fact]
    public void Every_mounted_secret_is_declared()
    {
        var declared = _stack.Map("secrets").Keys.Select(k => k.ToString()).ToHashSet();
        foreach (var (name, service) in _stack.Map("services"))
        {
            foreach (var mount in ((IDictionary<object, object?>)service!).List("secrets"))
            {
                var source = mount is IDictionary<object, object?> map ? map.Text("source") : mount?.ToString();
                declared.ShouldContain(source, $"service {name}");
            }
        }
    }

    [Theory]
    [InlineData("silo", "ConnectionStrings__Orleans", "OpenAI__ApiKey", "Smtp__Password", "Dashboard__Password")]
    [InlineData("frontend", "ConnectionStrings__Orleans", "DataProtection__Certificate")]
    [InlineData("migrate", "ConnectionStrings__Orleans")]
    public void Secrets_are_mounted_as_configuration_keys(string name, params string[] targets)
    {
        var mounted = Service(name).List("secrets").OfType<IDictionary<object, object?>>().Select(s => s.Text("target")).ToList();
        mounted.ShouldBe(targets, ignoreOrder: true);
        Service("postgres").Environment()["POSTGRES_PASSWORD_FILE"].ShouldStartWith("/run/secrets/");
    }

    [Fact]
    public void No_secret_value_is_in_an_environment_variable()
    {
        foreach (var (name, service) in _stack.Map("services"))
        {
            foreach (var (key, value) in ((IDictionary<object, object?>)service!).Environment())
            {
                var secretLike = key.Contains("Password", StringComparison.OrdinalIgnoreCase)
                    || key.Contains("ApiKey", StringComparison.OrdinalIgnoreCase)
                    || key.Contains("Secret", StringComparison.OrdinalIgnoreCase)
                    || key.StartsWith("ConnectionStrings__", StringComparison.Ordinal);
                if (secretLike && !key.EndsWith("_FILE", StringComparison.Ordinal))
                {
                    value.ShouldBeNullOrEmpty($"{name}: {key} belongs in a Docker secret");
                }

                value.ShouldNotContain("Password=", Case.Insensitive, $"{name}: {key}");
            }
        }

        SecretTargets.ShouldAllBe(target => !RepositoryFiles.Read("deploy/swarm/stack.yml").Contains(target + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Orleans_traffic_between_nodes_is_encrypted_on_the_overlay_network()
    {
        var network = _stack.Map("networks").Map("chatbot");
        network.Text("driver").ShouldBe("overlay");
        network.Map("driver_opts").Text("encrypted").ShouldBe("true", "silo-to-silo and gateway traffic carries users' messages");
        Service("silo").Strings("networks").ShouldBe(["chatbot"]);
    }

    [Fact]
    public void Links_in_emails_point_at_the_public_domain_and_no_access_log_keeps_request_lines()
    {
        Service("silo").Environment()["Email__PublicUrl"].ShouldBe("https://${DOMAIN:?set DOMAIN}");
        TraefikCommand.ShouldNotContain("--accesslog=true");
    }

    [Fact]
    public void The_frontend_logs_in_with_its_own_database_secret_and_gets_the_key_ring_certificate()
    {
        var sources = Service("frontend").List("secrets").OfType<IDictionary<object, object?>>().ToDictionary(s => s.Text("target")!, s => s.Text("source"));
        sources["ConnectionStrings__Orleans"].ShouldBe("chatbot_frontend_db_connection", "not the silo's full credential");
        sources["DataProtection__Certificate"].ShouldBe("chatbot_keyring_certificate");
        Service("silo").Environment()["Dashboard__Username"].ShouldNotContain("admin");
    }
}
