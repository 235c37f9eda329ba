using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>One conversation: answers reads with <see cref="Snapshot"/>, and every change with <see cref="Answer"/>, noting it in <see cref="Calls"/>.</summary>
internal sealed class FakeConversationGrain(ConversationId id) : IConversationGrain
{
    public ConversationId Id => id;

    public ConversationSnapshot? Snapshot { get; set; }

    public ChangeResult Answer { get; set; } = ChangeResult.Done;

    /// <summary>When set, the answer every change waits for instead of <see cref="Answer"/>.</summary>
    public Task<ChangeResult>? Held { get; set; }

    public int SnapshotReads { get; private set; }

    /// <summary>Whether reading the snapshot fails as a grain on a silo that does not answer does.</summary>
    public bool Unreachable { get; set; }

    /// <summary>The changes asked for, each as its method's name and argument ("SelectVersionAsync 3").</summary>
    public List<string> Calls { get; } = [];

    public Task<ConversationSnapshot?> GetSnapshotAsync(UserId caller)
    {
        SnapshotReads++;
        return Unreachable ? throw new TimeoutException("The fake grain does not answer.") : Task.FromResult(Snapshot);
    }

    public Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(UserId caller, long beforeSequence, int maxCount) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChatMessage>> GetHistoryAfterAsync(UserId caller, long afterSequence, int maxCount) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChatMessage>> GetArchiveAsync(UserId caller, long afterSequence, int maxCount) => throw new NotSupportedException();

    public Task<ChangeResult> SendAsync(UserId caller, SendMessage message, CancellationToken cancellationToken = default) => Change(nameof(SendAsync), message.Text);

    public Task<ChangeResult> RetryReplyAsync(UserId caller, MessageId userMessage) => Change(nameof(RetryReplyAsync), userMessage);

    public Task<ChangeResult> RegenerateAsync(UserId caller) => Change(nameof(RegenerateAsync));

    public Task<ChangeResult> EditAsync(UserId caller, EditMessage edit, CancellationToken cancellationToken = default) => Change(nameof(EditAsync), edit.Text);

    public Task<ChangeResult> SelectVersionAsync(UserId caller, long sequence) => Change(nameof(SelectVersionAsync), sequence);

    public Task<ChangeResult> StopReplyAsync(UserId caller) => Change(nameof(StopReplyAsync));

    public Task<ChangeResult> RenameAsync(UserId caller, string title) => Change(nameof(RenameAsync), title);

    public Task<ChangeResult> ConfigureAsync(UserId caller, ConversationSetup setup) => Change(nameof(ConfigureAsync), $"{setup.ModelId}/{setup.Instructions}");

    public Task<ChangeResult> DeleteAsync(UserId caller) => Change(nameof(DeleteAsync));

    private Task<ChangeResult> Change(string method, object? argument = null)
    {
        Calls.Add(argument is null ? method : $"{method} {argument}");
        return Held ?? Task.FromResult(Answer);
    }
}
