using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class PathReaderTests
{
    private static readonly ConversationId Id = new(Guid.NewGuid());

    // 1..6, then 3 edited as 7 (following 2), 8 its reply, and 9 10 after it: the path is 1 2 7 8 9 10.
    private static readonly ListLog Log = new([
        .. Enumerable.Range(1, 6).Select(i => Message(i)),
        Message(7) with { Parent = 2 },
        .. Enumerable.Range(8, 3).Select(i => Message(i)),
    ]);

    private static readonly ConversationPath Path = new([(7, 2)], newest: 10);

    [Fact]
    public async Task Older_pages_of_the_path_skip_the_other_branch_and_carry_their_versions()
    {
        var reader = new PathReader(Id, Log, windowSize: 32);

        var page = await reader.BeforeAsync(Path, 9, 3);

        page.Select(m => m.Sequence).ShouldBe([2L, 7L, 8L]);
        page[1].Versions.ShouldBe(new MessageVersions(2, 2, 3, 0));
    }

    [Fact]
    public async Task Newer_pages_and_the_archive_read_forwards_the_path_or_everything()
    {
        var reader = new PathReader(Id, Log, windowSize: 3);

        (await reader.AfterAsync(Path, 1, 4)).Select(m => m.Sequence).ShouldBe([2L, 7L, 8L, 9L]);
        (await reader.WindowAsync(Path, 6)).Select(m => (m.Sequence, m.Versions)).ShouldBe(
            [(4L, (MessageVersions?)null), (5L, null), (6L, null)], "the window of another branch, without versions");
        var archive = await reader.ArchiveAsync(Path, 0, 100);
        archive.Count.ShouldBe(10);
        archive.Where(m => m.Versions is { OnCurrentPath: false }).Select(m => m.Sequence).ShouldBe([3L, 4L, 5L, 6L]);
    }

    private static ChatMessage Message(int sequence) =>
        new(MessageId.New(), sequence, sequence % 2 == 1 ? ChatRole.User : ChatRole.Assistant, $"m{sequence}", TestConversation.Start);
}
