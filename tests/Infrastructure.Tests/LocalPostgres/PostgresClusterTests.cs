using ChatbotOrleans.LocalRun;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.LocalPostgres;

public sealed class PostgresClusterTests
{
    [Fact]
    public void Initdb_makes_a_UTF8_cluster_whose_postgres_superuser_is_trusted_locally() =>
        PostgresCluster.InitDbArguments("/srv/pg").ShouldBe(["-D", "/srv/pg", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-instructions"]);

    [Fact]
    public void The_server_starts_on_loopback_with_its_socket_and_log_where_the_data_directory_says_and_is_waited_for()
    {
        var directory = new PostgresDataDirectory("/srv/pg");

        PostgresCluster.StartArguments(directory, 55432, fastButUnsafe: false).ShouldBe(
        [
            "start", "-D", "/srv/pg", "-w", "-t", "60", "-l", "/srv/pg/server.log",
            "-o", $"-p 55432 -k {directory.SocketDirectory} -c listen_addresses=127.0.0.1 -c max_connections=200",
        ]);
    }

    [Fact]
    public void A_fast_but_unsafe_server_turns_durability_off() =>
        PostgresCluster.ServerOptions(55432, "/tmp/chatbot-pg-socket", fastButUnsafe: true).ShouldBe(
            "-p 55432 -k /tmp/chatbot-pg-socket -c listen_addresses=127.0.0.1 -c max_connections=200"
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");

    [Fact]
    public void The_server_stops_in_fast_mode_and_is_waited_for() =>
        PostgresCluster.StopArguments("/srv/pg").ShouldBe(["stop", "-D", "/srv/pg", "-m", "fast", "-w"]);
}
