using ChatbotOrleans.LocalRun;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.LocalRun;

public sealed class RunOptionsTests
{
    [Fact]
    public void No_arguments_serve_on_5080_without_watching() =>
        RunOptions.Parse([]).ShouldBe(new RunOptions(5080, Watch: false));

    [Fact]
    public void Port_and_watch_are_read_in_any_order()
    {
        RunOptions.Parse(["--watch", "--port", "5090"]).ShouldBe(new RunOptions(5090, Watch: true));
        RunOptions.Parse(["--port", "5090", "--watch"]).ShouldBe(new RunOptions(5090, Watch: true));
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--port", "web")]
    [InlineData("--port", "70000")]
    [InlineData("--port", "-1")]
    public void A_port_that_is_not_one_is_refused_in_words(params string[] args)
    {
        var error = Should.Throw<ArgumentException>(() => RunOptions.Parse(args));

        error.Message.ShouldStartWith("--port needs a port number from 1 to 65535");
        error.Message.ShouldContain(RunOptions.Usage);
    }

    [Fact]
    public void Silos_are_counted_from_one_and_default_to_one()
    {
        RunOptions.Parse([]).Silos.ShouldBe(1);
        RunOptions.Parse(["--silos", "2", "--port", "5090"]).ShouldBe(new RunOptions(5090, Watch: false, Silos: 2));
    }

    [Theory]
    [InlineData("--silos")]
    [InlineData("--silos", "two")]
    [InlineData("--silos", "0")]
    [InlineData("--silos", "5")]
    public void A_number_of_silos_out_of_range_is_refused_in_words(params string[] args)
    {
        var error = Should.Throw<ArgumentException>(() => RunOptions.Parse(args));

        error.Message.ShouldStartWith($"--silos needs a number of silos from 1 to {RunOptions.MaxSilos}");
        error.Message.ShouldContain(RunOptions.Usage);
    }

    [Fact]
    public void Watching_more_than_one_silo_is_refused_in_words()
    {
        var error = Should.Throw<ArgumentException>(() => RunOptions.Parse(["--watch", "--silos", "2"]));

        error.Message.ShouldBe($"--watch runs one silo; leave out --silos 2 or --watch; {RunOptions.Usage}");
    }

    [Fact]
    public void An_unknown_argument_is_named_with_the_usage()
    {
        var error = Should.Throw<ArgumentException>(() => RunOptions.Parse(["--wacth"]));

        error.Message.ShouldBe($"unknown argument '--wacth'; {RunOptions.Usage}");
    }
}
