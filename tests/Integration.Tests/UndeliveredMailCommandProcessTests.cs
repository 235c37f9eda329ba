using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.Smtp;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

public sealed class UndeliveredMailCommandProcessTests(PostgresServerFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_lists_a_welcome_email_the_server_refused_for_good_with_the_mail_command()
    {
        await using var smtp = SmtpSink.Start();
        smtp.RecipientReply = to => to.StartsWith("reject-", StringComparison.Ordinal) ? "550 5.1.1 No such user here" : null;
        await using var harness = await SiloProcessHarness.CreateAsync(postgres, Token);
        (await harness.Topology.MigrateAsync(Token)).ExitCode.ShouldBe(0);
        await harness.Topology.StartSiloAsync(Token, new Dictionary<string, string?>
        {
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__TlsMode"] = "None",
        });
        var client = await harness.ConnectClientAsync(Token);
        var (empty, emptyOutput) = await harness.Topology.RunSiloCommandAsync(Token, "mail", "undelivered");
        var address = $"reject-{Guid.NewGuid():N}@example.com";

        await client.GetGrain<ISignInGrain>(0).SignInAsync(address, TestNetworks.Unique());
        var (listed, output) = await Poll.UntilAsync(
            () => harness.Topology.RunSiloCommandAsync(Token, "mail", "undelivered"),
            result => result.Output.Contains(address, StringComparison.Ordinal),
            TimeSpan.FromSeconds(90),
            "the refused email to be listed");

        empty.ShouldBe(0, emptyOutput);
        emptyOutput.ShouldContain("No undelivered emails.");
        listed.ShouldBe(0, output);
        output.ShouldContain("550");
        smtp.MessagesTo(address).ShouldBeEmpty();
    }
}
