using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Frontend.Tests.Chat.Fakes;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>
/// What a chat page builds around its <see cref="ChatClient"/>, over a connected <see cref="FakeCluster"/>: the view,
/// the feed (its stream work run at once, as on the circuit's dispatcher), the choices and the navigation.
/// </summary>
internal sealed class ChatPageParts : IDisposable
{
    public ChatPageParts()
    {
        Cluster.Connect();
        Feed = new ChatFeed(Cluster.Client, View, ReplyWatch, Time, work => work(), end => end(), CancellationToken.None);
        Choices = new ChatChoices(Cluster.Client);
    }

    public FakeCluster Cluster { get; } = new();

    public ConversationFixture Conversation { get; } = new();

    public FakeConversationGrain Grain => Cluster.Conversation(Conversation.Id);

    public FakeTimeProvider Time { get; } = new();

    public ConversationView View { get; } = new();

    public ReplyWatch ReplyWatch { get; } = new(TimeSpan.FromSeconds(30));

    public FakeNavigation Navigation { get; } = new();

    public ChatFeed Feed { get; }

    public ChatChoices Choices { get; }

    /// <summary>The page's commands over these parts.</summary>
    public ChatCommands Commands() => new(Cluster.Client, Feed, View, ReplyWatch, Choices, Navigation, Time);

    /// <summary>Opens the fixture's conversation as <paramref name="snapshot"/> shows it.</summary>
    public async Task OpenAsync(ConversationSnapshot snapshot)
    {
        Grain.Snapshot = snapshot;
        (await Feed.OpenAsync(Conversation.Id)).ShouldBeTrue();
    }

    public void Dispose() => Cluster.Dispose();
}
