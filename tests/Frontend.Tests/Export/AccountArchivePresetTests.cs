using System.IO.Compression;
using ChatbotOrleans.Frontend.Account;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Export;

public sealed class AccountArchivePresetTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void The_archive_holds_the_users_presets_and_each_chats_model_and_instructions()
    {
        var conversation = new ExportedConversation(
            new ConversationSummary(ConversationId.New(), "Pirates", At), [], new ConversationSettings("beta", "Talk like a pirate."));
        var export = new AccountExport(
            new UserProfile(new UserId(Guid.NewGuid()), "a@example.com", At), [conversation], At, [new ChatPreset("Mine", "My own instructions.", "beta")]);

        using var zip = new ZipArchive(new MemoryStream(AccountArchive.Write(export)));

        var presets = Read(zip, "presets.json");
        presets.ShouldContain("\"name\": \"Mine\"");
        presets.ShouldContain("\"instructions\": \"My own instructions.\"");
        presets.ShouldContain("\"model\": \"beta\"");
        Read(zip, "conversations.json").ShouldContain("\"instructions\": \"Talk like a pirate.\"");
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
