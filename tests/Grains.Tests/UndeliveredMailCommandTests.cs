using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.Silo.Email;
using ChatbotOrleans.Silo.Hosting;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class UndeliveredMailCommandTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_command_prints_the_undelivered_email_with_its_recipient_and_reason()
    {
        var address = $"reject-cli-{Guid.NewGuid():N}@example.com";
        var signIn = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync(address, TestNetworks.Unique());
        var id = EmailIds.Welcome(signIn.User!.Id.Value);
        await fixture.WaitForDeliveryAsync(id, d => d.Status == EmailStatus.Failed, "the email to fail");
        using var output = new StringWriter();

        // The in-process cluster talks over an in-memory transport, so the command's own TCP client
        // cannot join it; the command's work is run here with the fixture's client.
        await UndeliveredMailCommand.ListAsync(fixture.Client, output);

        var line = output.ToString().Split('\n').Where(l => l.Contains(address, StringComparison.Ordinal)).ShouldHaveSingleItem();
        line.ShouldContain(id.ToString("N"));
        line.ShouldContain("550");
        line.ShouldContain("No such user here");
        line.ShouldContain("after 1 attempt(s)");
    }

    [Fact]
    public void The_silo_command_line_has_a_mail_undelivered_command()
    {
        var parse = SiloCommands.Create().Parse(["mail", "undelivered", "--ConnectionStrings:Orleans=Host=db"]);

        parse.Errors.ShouldBeEmpty();
        parse.CommandResult.Command.Name.ShouldBe("undelivered");
        parse.CommandResult.Command.Action.ShouldNotBeNull();
    }
}
