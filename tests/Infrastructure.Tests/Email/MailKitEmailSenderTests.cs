using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.Silo.Email;
using ChatbotOrleans.TestSupport.Smtp;
using Microsoft.Extensions.Options;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Email;

public sealed class MailKitEmailSenderTests : IAsyncLifetime
{
    private static readonly EmailMessage Message = new(
        "ana@example.com",
        "Welcome to Chatbot",
        "Hello Ana,\n.a line starting with a dot\nbye",
        "<p>Hello <strong>Ana</strong></p>");

    private readonly SmtpSink _sink = SmtpSink.Start();

    [Fact]
    public async Task The_message_arrives_with_sender_recipient_subject_and_both_bodies()
    {
        await SenderFor(_sink.Port).SendAsync(Message, TestContext.Current.CancellationToken);

        var received = _sink.Messages.ShouldHaveSingleItem();
        received.From.ShouldBe("chatbot@example.org");
        received.Recipients.ShouldBe(["ana@example.com"]);
        received.Message.From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("Chatbot Test");
        received.Message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("ana@example.com");
        received.Message.Subject.ShouldBe("Welcome to Chatbot");
        received.TextBody.ReplaceLineEndings("\n").TrimEnd().ShouldBe(Message.TextBody);
        received.HtmlBody.ShouldContain("<strong>Ana</strong>");
    }

    [Fact]
    public async Task A_4xx_reply_is_a_transient_failure_with_the_servers_words()
    {
        _sink.RecipientReply = _ => "451 4.3.0 Greylisted, try later";

        var failure = await Should.ThrowAsync<EmailDeliveryException>(
            () => SenderFor(_sink.Port).SendAsync(Message, TestContext.Current.CancellationToken));

        failure.IsPermanent.ShouldBeFalse();
        failure.Message.ShouldContain("451");
        _sink.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_5xx_reply_is_a_permanent_failure_with_the_servers_words()
    {
        _sink.RecipientReply = _ => "550 5.1.1 No such user here";

        var failure = await Should.ThrowAsync<EmailDeliveryException>(
            () => SenderFor(_sink.Port).SendAsync(Message, TestContext.Current.CancellationToken));

        failure.IsPermanent.ShouldBeTrue();
        failure.Message.ShouldContain("550");
        failure.Message.ShouldContain("No such user here");
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_failure()
    {
        await _sink.StopAsync();

        var failure = await Should.ThrowAsync<EmailDeliveryException>(
            () => SenderFor(_sink.Port).SendAsync(Message, TestContext.Current.CancellationToken));

        failure.IsPermanent.ShouldBeFalse();
        failure.Message.ShouldContain($"127.0.0.1:{_sink.Port}");
    }

    [Fact]
    public async Task Requiring_tls_from_a_server_without_it_is_a_transient_failure()
    {
        var failure = await Should.ThrowAsync<EmailDeliveryException>(
            () => SenderFor(_sink.Port, SmtpTlsMode.StartTls).SendAsync(Message, TestContext.Current.CancellationToken));

        failure.IsPermanent.ShouldBeFalse();
        _sink.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task After_a_restart_on_the_same_port_the_message_gets_through()
    {
        await _sink.StopAsync();
        await Should.ThrowAsync<EmailDeliveryException>(() => SenderFor(_sink.Port).SendAsync(Message, TestContext.Current.CancellationToken));

        _sink.Restart();
        await SenderFor(_sink.Port).SendAsync(Message, TestContext.Current.CancellationToken);

        _sink.Messages.ShouldHaveSingleItem();
    }

    internal static MailKitEmailSender SenderFor(int port, SmtpTlsMode tls = SmtpTlsMode.None) => new(Options.Create(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = port,
        TlsMode = tls,
        SenderAddress = "chatbot@example.org",
        SenderName = "Chatbot Test",
        Timeout = TimeSpan.FromSeconds(10),
    }));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _sink.DisposeAsync();
}
