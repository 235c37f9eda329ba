using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>Builds messages, events, snapshots and list entries of one conversation for the page's tests.</summary>
internal sealed class ConversationFixture
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public ConversationId Id { get; } = ConversationId.New();

    public static ChatMessage User(long sequence, string text = "hello") =>
        new(MessageId.New(), sequence, ChatRole.User, text, Now);

    public static ChatMessage Bot(long sequence, MessageId replyTo, string text = "hi", ReplyStatus status = ReplyStatus.Complete, string model = "offline") =>
        new(MessageId.New(), sequence, ChatRole.Assistant, text, Now, replyTo, status, model, status == ReplyStatus.Failed ? "The model failed." : null);

    /// <summary>A chat as the user's list shows it; new chats are empty.</summary>
    public static ConversationSummary Summary(ConversationId id, string title = "", bool isEmpty = true) => new(id, title, Now, isEmpty);

    public ConversationSnapshot Snapshot(params ChatMessage[] messages) => Snapshot(null, messages);

    public ConversationSnapshot Snapshot(ReplyInProgress? inProgress, params ChatMessage[] messages) =>
        new(Id, "Title", messages.Length == 0 ? 0 : messages[^1].Sequence, messages, false, inProgress, inProgress is null ? 0 : 1);

    public MessageAdded Added(ChatMessage message) => new(Id, message);

    public ReplyCompleted Completed(ChatMessage message) => new(Id, message);

    public ReplyFailed Failed(ChatMessage message) => new(Id, message);

    public ReplyDelta Delta(MessageId replyTo, int offset, string text) => new(Id, replyTo, offset, text, "offline");

    /// <summary>A view showing this conversation, loaded from <paramref name="snapshot"/>.</summary>
    public ConversationView Loaded(ConversationSnapshot snapshot)
    {
        var view = new ConversationView();
        view.Reset(Id);
        view.Load(view.BeginLoad(), snapshot);
        return view;
    }
}
