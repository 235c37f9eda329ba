using ChatbotOrleans.LocalRun;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.LocalPostgres;

public sealed class PostgresDataDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("chatbot-pgdata-test-").FullName;

    [Fact]
    public void The_socket_directory_is_short_however_deep_the_data_directory_and_one_per_data_directory()
    {
        var deep = "/home/dev/" + string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 8)) + "/data";

        var socket = PostgresDataDirectory.SocketDirectoryFor(deep, "/tmp");

        socket.ShouldMatch("^/tmp/chatbot-pg-[0-9a-f]{12}$");
        PostgresDataDirectory.SocketDirectoryFor(deep, "/tmp").ShouldBe(socket);
        PostgresDataDirectory.SocketDirectoryFor("/srv/pg", "/tmp").ShouldNotBe(socket);
    }

    [Fact]
    public void A_pid_file_names_the_running_server_s_pid_and_port() =>
        PostgresDataDirectory.ParsePidFile(["4242", "/srv/pg", "1700000000", "55432", "/tmp/chatbot-pg-socket", "127.0.0.1"])
            .ShouldBe(("4242", 55432));

    [Theory]
    [InlineData("4242", "/srv/pg", "1700000000")]
    [InlineData("4242", "/srv/pg", "1700000000", "")]
    [InlineData("4242", "/srv/pg", "1700000000", "-1")]
    public void A_pid_file_without_a_port_names_no_server(params string[] lines) =>
        PostgresDataDirectory.ParsePidFile(lines).ShouldBeNull();

    [Fact]
    public void A_directory_is_empty_until_something_is_in_it_and_holds_a_cluster_once_initdb_wrote_its_version()
    {
        var directory = new PostgresDataDirectory(Path.Combine(_root, "data"));
        directory.IsMissingOrEmpty.ShouldBeTrue("missing");

        Directory.CreateDirectory(directory.FullPath);
        directory.IsMissingOrEmpty.ShouldBeTrue("empty");

        File.WriteAllText(Path.Combine(directory.FullPath, "PG_VERSION"), "16");
        directory.IsMissingOrEmpty.ShouldBeFalse();
        directory.HoldsCluster.ShouldBeTrue();
    }

    [Fact]
    public void The_log_tail_is_the_end_of_the_server_log_or_nothing_before_there_is_one()
    {
        var directory = new PostgresDataDirectory(_root);
        directory.LogTail().ShouldBeEmpty();

        File.WriteAllLines(directory.LogFile, Enumerable.Range(1, 30).Select(i => $"line {i}"));

        directory.LogTail().ShouldBe(string.Join('\n', Enumerable.Range(11, 20).Select(i => $"line {i}")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
