using System.IO.Compression;
using System.Text.Json;
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

    [Fact]
    public void The_archive_holds_each_replys_usage_with_its_cost_when_priced_and_no_chat_once_that_was_deleted()
    {
        var chat = ConversationId.New();
        var reply = MessageId.New();
        var usage = new ExportedUsage[]
        {
            new(At, chat, reply, "beta", new TokenUsage(1_200, 34, Estimated: false), 1.268m),
            new(At.AddMinutes(1), null, MessageId.New(), "offline", new TokenUsage(5, 6, Estimated: true), null),
        };
        var export = new AccountExport(new UserProfile(new UserId(Guid.NewGuid()), "a@example.com", At), [], At, [], usage);

        using var zip = new ZipArchive(new MemoryStream(AccountArchive.Write(export)));

        var rows = JsonDocument.Parse(Read(zip, "usage.json")).RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBe(2);
        var first = rows[0];
        (first.GetProperty("at").GetDateTimeOffset(), first.GetProperty("conversation").GetString(), first.GetProperty("reply").GetString())
            .ShouldBe((At, chat.ToString(), reply.ToString()));
        (first.GetProperty("model").GetString(), first.GetProperty("inputTokens").GetInt32(), first.GetProperty("outputTokens").GetInt32())
            .ShouldBe(("beta", 1_200, 34));
        (first.GetProperty("estimated").GetBoolean(), first.GetProperty("cost").GetDecimal()).ShouldBe((false, 1.268m));
        (rows[1].GetProperty("conversation").ValueKind, rows[1].GetProperty("estimated").GetBoolean(), rows[1].GetProperty("cost").ValueKind)
            .ShouldBe((JsonValueKind.Null, true, JsonValueKind.Null));
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
