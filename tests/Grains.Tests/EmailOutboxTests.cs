using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EmailOutboxTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_welcome_email_arrives_once_with_the_address_and_a_sign_in_link_and_its_reminder_is_removed()
    {
        var address = $"ana-{Guid.NewGuid():N}@example.com";

        var signIn = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync(address, TestNetworks.Unique());
        var id = EmailIds.Welcome(signIn.User!.Id.Value);
        var delivery = await fixture.WaitForDeliveryAsync(id, d => d.Status == EmailStatus.Sent, "the welcome email to be sent");

        var mail = fixture.Mail.MessagesTo(address).ShouldHaveSingleItem();
        mail.Message.Subject.ShouldBe("Welcome to Chatbot");
        mail.TextBody.ShouldContain(address);
        mail.HtmlBody.ShouldContain(address);
        mail.HtmlBody.ShouldContain("http://chatbot.test");
        MailAssertions.SignInToken(mail.TextBody).Length.ShouldBe(43);
        delivery.Attempts.ShouldBe(1);
        (await fixture.RetryRemindersAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task With_the_server_down_first_then_up_the_reminder_delivers_the_email_exactly_once()
    {
        var address = $"later-{Guid.NewGuid():N}@example.com";
        await fixture.Mail.StopAsync();
        Guid id;
        long remindersWhileDown;
        try
        {
            var signIn = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync(address, TestNetworks.Unique());
            id = EmailIds.Welcome(signIn.User!.Id.Value);
            var failing = await fixture.WaitForDeliveryAsync(id, d => d.Attempts >= 2, "two refused attempts");
            failing.Status.ShouldBe(EmailStatus.Pending);
            failing.LastError.ShouldNotBeNull().ShouldContain("Could not reach");
            remindersWhileDown = await fixture.RetryRemindersAsync(id);
        }
        finally
        {
            fixture.Mail.Restart();
        }

        var sent = await fixture.WaitForDeliveryAsync(id, d => d.Status == EmailStatus.Sent, "delivery once the server is back");
        await Poll.UntilAsync(() => fixture.RetryRemindersAsync(id), n => n == 0, TimeSpan.FromSeconds(10), "the retry reminder to be removed");

        remindersWhileDown.ShouldBe(1);
        sent.Attempts.ShouldBeGreaterThanOrEqualTo(3);
        fixture.Mail.MessagesTo(address).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_permanent_5xx_ends_failed_at_once_with_the_reason_and_is_listed_as_undelivered()
    {
        var address = $"reject-{Guid.NewGuid():N}@example.com";

        var signIn = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync(address, TestNetworks.Unique());
        var id = EmailIds.Welcome(signIn.User!.Id.Value);
        var failed = await fixture.WaitForDeliveryAsync(id, d => d.Status == EmailStatus.Failed, "the email to fail");
        var undelivered = await fixture.Client.GetGrain<IEmailOutboxRegistryGrain>(Guid.Empty).ListUndeliveredAsync();

        signIn.Succeeded.ShouldBeTrue("a mail problem never blocks the sign-in");
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNull().ShouldContain("550");
        var entry = undelivered.Where(e => e.Id == id).ShouldHaveSingleItem();
        entry.To.ShouldBe(address);
        entry.Reason.ShouldContain("No such user here");
        fixture.Mail.MessagesTo(address).ShouldBeEmpty();
        (await fixture.RetryRemindersAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Transient_4xx_replies_are_retried_up_to_the_attempt_limit_then_the_email_fails()
    {
        var address = $"busy-{Guid.NewGuid():N}@example.com";

        var signIn = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync(address, TestNetworks.Unique());
        var id = EmailIds.Welcome(signIn.User!.Id.Value);
        var failed = await fixture.WaitForDeliveryAsync(id, d => d.Status == EmailStatus.Failed, "the attempts to run out");

        failed.Attempts.ShouldBe(ClusterFixture.MailAttempts);
        failed.LastError.ShouldNotBeNull().ShouldContain("451");
        (await fixture.Client.GetGrain<IEmailOutboxRegistryGrain>(Guid.Empty).ListUndeliveredAsync()).ShouldContain(e => e.Id == id);
        (await fixture.RetryRemindersAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Signing_in_twice_and_queueing_the_welcome_again_never_sends_a_second_welcome()
    {
        var address = $"twice-{Guid.NewGuid():N}@example.com";
        var signIn = fixture.Client.GetGrain<ISignInGrain>(0);

        var first = await signIn.SignInAsync(address, TestNetworks.Unique());
        var id = EmailIds.Welcome(first.User!.Id.Value);
        await fixture.Client.GetGrain<IEmailOutboxGrain>(id).EnqueueAsync(new EmailMessage(address, "Welcome to Chatbot", "again", "again"));
        var second = await signIn.SignInAsync(address, TestNetworks.Unique());
        await Poll.UntilAsync(() => Task.FromResult(fixture.Mail.MessagesTo(address).Count), n => n >= 2, TimeSpan.FromSeconds(30), "the welcome and the link");

        second.LinkSent.ShouldBeTrue();
        fixture.Mail.MessagesTo(address).Select(m => m.Message.Subject).Order().ShouldBe(["Welcome to Chatbot", "Your sign-in link for Chatbot"]);
    }
}
