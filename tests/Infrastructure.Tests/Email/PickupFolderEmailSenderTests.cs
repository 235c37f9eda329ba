using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.Silo.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Email;

public sealed class PickupFolderEmailSenderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pickup-").FullName;

    [Fact]
    public async Task Each_email_becomes_one_eml_file_under_the_content_root()
    {
        var sender = new PickupFolderEmailSender(
            Options.Create(new SmtpOptions { PickupFolder = Path.Combine(".data", "mail"), SenderAddress = "chatbot@example.org" }),
            new Environment(_root),
            TimeProvider.System);

        await sender.SendAsync(new EmailMessage("ana@example.com", "Hi", "text body", "<p>html body</p>"), TestContext.Current.CancellationToken);
        await sender.SendAsync(new EmailMessage("bo@example.com", "Hi", "text", "<p>html</p>"), TestContext.Current.CancellationToken);

        sender.Folder.ShouldBe(Path.Combine(_root, ".data", "mail"));
        var files = Directory.GetFiles(sender.Folder);
        files.Length.ShouldBe(2);
        files.ShouldAllBe(f => f.EndsWith(".eml", StringComparison.Ordinal));
        var messages = await Task.WhenAll(files.Select(f => MimeMessage.LoadAsync(f, TestContext.Current.CancellationToken)));
        var ana = messages.Single(m => m.To.Mailboxes.Single().Address == "ana@example.com");
        ana.From.Mailboxes.Single().Address.ShouldBe("chatbot@example.org");
        ana.TextBody.ShouldNotBeNull().ShouldContain("text body");
        ana.HtmlBody.ShouldNotBeNull().ShouldContain("<p>html body</p>");
    }

    [Fact]
    public async Task An_unwritable_folder_is_a_transient_failure()
    {
        var blocker = Path.Combine(_root, "file");
        await File.WriteAllTextAsync(blocker, "not a folder", TestContext.Current.CancellationToken);
        var sender = new PickupFolderEmailSender(Options.Create(new SmtpOptions { PickupFolder = blocker }), new Environment(_root), TimeProvider.System);

        var failure = await Should.ThrowAsync<EmailDeliveryException>(
            () => sender.SendAsync(new EmailMessage("ana@example.com", "Hi", "t", "h"), TestContext.Current.CancellationToken));

        failure.IsPermanent.ShouldBeFalse();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Test";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
