namespace ChatbotOrleans.Deployment.Tests;

public sealed class ComposeFileTests
{
    private readonly IDictionary<object, object?> _services = YamlDocument.Load("docker-compose.yml").Map("services");

    private IDictionary<object, object?> Service(string name) => _services.Map(name);

    [Fact]
    public void Has_the_whole_dev_stack() =>
        _services.Keys.Select(k => k.ToString()).ShouldBe(
            ["postgres", "migrate", "silo", "frontend", "mailpit", "ollama"], ignoreOrder: true);

    [Fact]
    public void Postgres_15_keeps_its_data_in_a_volume_and_reports_health_with_pg_isready()
    {
        var postgres = Service("postgres");
        postgres.Text("image").ShouldBe("postgres:15");
        postgres.Strings("volumes").ShouldContain(v => v.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
        string.Join(' ', postgres.Map("healthcheck").Strings("test")).ShouldContain("pg_isready");
    }

    [Fact]
    public void Migrate_is_a_one_shot_silo_command_that_waits_for_a_healthy_database()
    {
        var migrate = Service("migrate");
        migrate.Strings("command").ShouldBe(["migrate"]);
        migrate.Text("restart").ShouldBe("no");
        migrate.Map("depends_on").Map("postgres").Text("condition").ShouldBe("service_healthy");
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("frontend")]
    public void The_app_starts_only_after_the_migration_succeeded(string name) =>
        Service(name).Map("depends_on").Map("migrate").Text("condition").ShouldBe("service_completed_successfully");

    [Fact]
    public void Two_silo_replicas_each_advertise_their_own_address()
    {
        var silo = Service("silo");
        silo.Map("deploy").Text("replicas").ShouldBe("2");
        silo.Environment()["Orleans__AdvertisedIPAddress"].ShouldBe("auto");
        // Two replicas cannot share one host port: a range gives each its own dashboard port.
        silo.Strings("ports").ShouldContain(p => p.Contains("8081-8082:8081", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dashboard_opens_with_a_development_password() =>
        Service("silo").Environment()["Dashboard__Password"].ShouldNotBeNullOrWhiteSpace();

    [Fact]
    public void Silo_sends_email_to_Mailpit_whose_UI_is_published()
    {
        var smtp = Service("silo").Environment();
        smtp["Smtp__Host"].ShouldBe("mailpit");
        smtp["Smtp__Port"].ShouldBe("1025");
        Service("mailpit").Strings("ports").ShouldContain(p => p.EndsWith(":8025", StringComparison.Ordinal));
    }

    [Fact]
    public void Ollama_runs_only_under_its_profile() =>
        Service("ollama").Strings("profiles").ShouldBe(["ollama"]);

    [Theory]
    [InlineData("migrate", "silo")]
    [InlineData("silo", "silo")]
    [InlineData("frontend", "frontend")]
    public void App_services_build_their_target_of_the_Dockerfile(string name, string target)
    {
        var build = Service(name).Map("build");
        build.Text("dockerfile").ShouldBe(DockerfileTests.DockerfilePath);
        build.Text("target").ShouldBe(target);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("frontend")]
    public void App_services_have_healthchecks_and_json_logs(string name)
    {
        var service = Service(name);
        string.Join(' ', service.Map("healthcheck").Strings("test")).ShouldContain("/health/");
        service.Environment()["Logging__Console__FormatterName"].ShouldBe("json");
    }

    [Fact]
    public void The_local_stack_sets_a_public_url_for_links_and_runs_the_frontend_as_deployed()
    {
        Service("silo").Environment()["Email__PublicUrl"].ShouldBe("http://127.0.0.1:8080", "Production refuses a localhost name");
        Service("frontend").Environment()["ConnectionStrings__Orleans"].ShouldContain("Username=chatbot_web");
        Service("frontend").List("secrets").OfType<IDictionary<object, object?>>().Select(s => s.Text("target")).ShouldContain("DataProtection__Certificate");
    }
}
