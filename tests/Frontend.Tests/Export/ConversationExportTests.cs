using System.Text.Json;
using ChatbotOrleans.Frontend.Export;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Export;

public sealed class ConversationExportTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 15, 4, 5, TimeSpan.Zero);

    private static readonly ChatMessage Question = new(MessageId.New(), 1, ChatRole.User, "What is **bold**?\nTwo lines.", At);

    private static readonly ChatMessage Answer = new(MessageId.New(), 2, ChatRole.Assistant, "Text between `**`.", At.AddSeconds(2), Question.Id, Model: "gpt-test");

    private static readonly ChatMessage Stopped = new(MessageId.New(), 3, ChatRole.Assistant, "Half", At.AddSeconds(3), Question.Id, ReplyStatus.Stopped, "gpt-test");

    private static readonly ChatMessage Failed = new(MessageId.New(), 4, ChatRole.Assistant, "", At.AddSeconds(4), Question.Id, ReplyStatus.Failed, "gpt-test", "The model did not answer.");

    private static readonly ConversationExport Export = new(new ConversationId(Guid.NewGuid()), "Bold / text?", At.AddHours(1), [Question, Answer, Stopped, Failed]);

    [Fact]
    public void Markdown_has_the_title_then_each_message_with_its_author_time_text_and_how_a_reply_ended()
    {
        var markdown = MarkdownExport.Write(Export);

        markdown.ShouldStartWith("# Bold / text?\n\nExported 2026-12-02 16:04:05 UTC · 4 messages\n");
        markdown.ShouldContain("### You · 2026-12-02 15:04:05 UTC\n\nWhat is **bold**?\nTwo lines.\n");
        markdown.ShouldContain("### Bot (gpt-test) · 2026-12-02 15:04:07 UTC\n\nText between `**`.\n");
        markdown.ShouldContain("Half\n\n*Stopped.*");
        markdown.ShouldContain("*Failed: The model did not answer.*");
        markdown.IndexOf("What is", StringComparison.Ordinal).ShouldBeLessThan(markdown.IndexOf("Half", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_carries_every_message_with_role_time_status_model_and_error_in_words()
    {
        using var json = JsonDocument.Parse(JsonExport.Write(Export));
        var root = json.RootElement;
        var messages = root.GetProperty("messages").EnumerateArray().ToList();

        root.GetProperty("id").GetGuid().ShouldBe(Export.Id.Value);
        root.GetProperty("title").GetString().ShouldBe("Bold / text?");
        messages.Select(m => m.GetProperty("sequence").GetInt64()).ShouldBe([1L, 2L, 3L, 4L]);
        messages[0].GetProperty("role").GetString().ShouldBe("user");
        messages[0].GetProperty("text").GetString().ShouldBe(Question.Text);
        messages[0].GetProperty("createdAt").GetDateTimeOffset().ShouldBe(At);
        messages[0].TryGetProperty("model", out _).ShouldBeFalse("a user message has no model");
        messages[1].GetProperty("role").GetString().ShouldBe("assistant");
        messages[1].GetProperty("model").GetString().ShouldBe("gpt-test");
        messages[1].GetProperty("replyTo").GetGuid().ShouldBe(Question.Id.Value);
        messages[1].GetProperty("status").GetString().ShouldBe("complete");
        messages[2].GetProperty("status").GetString().ShouldBe("stopped");
        messages[3].GetProperty("status").GetString().ShouldBe("failed");
        messages[3].GetProperty("error").GetString().ShouldBe("The model did not answer.");
    }

    [Fact]
    public void Both_formats_hold_every_version_and_say_which_are_on_the_current_path()
    {
        var edited = Question with { Id = MessageId.New(), Sequence = 5, Text = "Edited question", Parent = 0, Versions = new MessageVersions(2, 2, 1, 0) };
        var archive = Export with
        {
            Messages = [Question with { Versions = new MessageVersions(1, 2, 0, 5, OnCurrentPath: false) }, Answer with { Versions = new MessageVersions(1, 1, 0, 0, false) }, edited],
        };

        var markdown = MarkdownExport.Write(archive);
        using var json = JsonDocument.Parse(JsonExport.Write(archive));
        var messages = json.RootElement.GetProperty("messages").EnumerateArray().ToList();

        markdown.ShouldContain("### You · 2026-12-02 15:04:05 UTC · version 1 of 2, not shown now\n");
        markdown.ShouldContain("· version 2 of 2\n\nEdited question");
        messages.Select(m => m.GetProperty("onCurrentPath").GetBoolean()).ShouldBe([false, false, true]);
        messages[2].GetProperty("version").GetInt32().ShouldBe(2);
        messages[2].GetProperty("follows").GetInt64().ShouldBe(0);
        JsonDocument.Parse(JsonExport.Write(Export)).RootElement.GetProperty("messages")[0].TryGetProperty("version", out _)
            .ShouldBeFalse("a chat never edited exports as before");
    }

    [Theory]
    [InlineData("Bold / text?", "bold-text-2026-12-02.md")]
    [InlineData("../../etc/passwd", "etc-passwd-2026-12-02.md")]
    [InlineData("???", "chat-2026-12-02.md")]
    public void The_file_name_keeps_only_letters_digits_and_dashes(string title, string name) =>
        (Export with { Title = title }).FileName("md").ShouldBe(name);
}
