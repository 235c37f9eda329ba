using ChatbotOrleans.LocalRun;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.LocalPostgres;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("chatbot-pgbin-test-").FullName;

    private string NoInstall => Path.Combine(_root, "no-install");

    [Fact]
    public void PG_BIN_names_the_binaries_even_where_a_version_is_installed()
    {
        var overridden = MakeDirectory("custom", "pg_ctl");
        MakeDirectory(Path.Combine("debian", "16", "bin"), "pg_ctl");

        PostgresBinaries.FindDirectory(overridden, Path.Combine(_root, "debian"), searchPath: null).ShouldBe(overridden);
    }

    [Fact]
    public void A_PG_BIN_without_pg_ctl_is_refused_in_words()
    {
        var empty = MakeDirectory("empty");

        var error = Should.Throw<InvalidOperationException>(() => PostgresBinaries.FindDirectory(empty, NoInstall, searchPath: null));

        error.Message.ShouldBe($"PG_BIN is set to '{empty}' but it has no pg_ctl. {PostgresBinaries.MissingBinaries}");
    }

    [Fact]
    public void The_newest_installed_version_with_pg_ctl_wins_by_number_not_by_name()
    {
        MakeDirectory(Path.Combine("debian", "9.6", "bin"), "pg_ctl");
        var sixteen = MakeDirectory(Path.Combine("debian", "16", "bin"), "pg_ctl");
        MakeDirectory(Path.Combine("debian", "17", "bin"));
        MakeDirectory(Path.Combine("debian", "common", "bin"), "pg_ctl");

        PostgresBinaries.FindDirectory(overridden: null, Path.Combine(_root, "debian"), searchPath: null).ShouldBe(sixteen);
    }

    [Fact]
    public void Without_an_install_the_first_directory_on_the_path_with_pg_ctl_and_initdb_is_taken()
    {
        var clientOnly = MakeDirectory("client", "pg_ctl");
        var server = MakeDirectory("server", "pg_ctl", "initdb");
        var searchPath = string.Join(Path.PathSeparator, clientOnly, server);

        PostgresBinaries.FindDirectory(overridden: " ", NoInstall, searchPath).ShouldBe(server);
    }

    [Fact]
    public void No_binaries_anywhere_say_how_to_install_them()
    {
        var error = Should.Throw<InvalidOperationException>(() => PostgresBinaries.FindDirectory(overridden: null, NoInstall, MakeDirectory("empty")));

        error.Message.ShouldBe(PostgresBinaries.MissingBinaries);
    }

    [Fact]
    public void As_root_a_binary_runs_as_the_postgres_account_from_the_root_directory()
    {
        var info = new PostgresBinaries("/usr/lib/postgresql/16/bin", runAsServiceUser: true).StartInfo("pg_ctl", ["status", "-D", "/srv/pg"]);

        info.FileName.ShouldBe("runuser");
        info.ArgumentList.ShouldBe(["-u", "postgres", "--", "/usr/lib/postgresql/16/bin/pg_ctl", "status", "-D", "/srv/pg"]);
        info.WorkingDirectory.ShouldBe("/", "the postgres account may not enter the caller's working directory");
    }

    [Fact]
    public void Otherwise_a_binary_runs_as_the_caller_with_its_output_captured()
    {
        var info = new PostgresBinaries("/opt/pg/bin", runAsServiceUser: false).StartInfo("initdb", ["-D", "/srv/pg"]);

        info.FileName.ShouldBe("/opt/pg/bin/initdb");
        info.ArgumentList.ShouldBe(["-D", "/srv/pg"]);
        info.RedirectStandardOutput.ShouldBeTrue();
        info.RedirectStandardError.ShouldBeTrue();
    }

    [Fact]
    public async Task Binaries_run_as_the_caller_need_no_directory_handed_over()
    {
        // A chown of a directory that does not exist would fail: this passes only if none is tried.
        var missing = Path.Combine(_root, "missing");
        var log = new List<string>();

        await new PostgresBinaries("/opt/pg/bin", runAsServiceUser: false).GrantAccessAsync(missing, log.Add, TestContext.Current.CancellationToken);

        log.ShouldBeEmpty();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string MakeDirectory(string relativePath, params string[] programs)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, relativePath)).FullName;
        foreach (var program in programs)
        {
            File.WriteAllText(Path.Combine(directory, program), string.Empty);
        }

        return directory;
    }
}
