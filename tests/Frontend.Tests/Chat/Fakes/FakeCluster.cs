using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Frontend.Hosting;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Streams;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>
/// A cluster in memory behind a real <see cref="ChatClient"/>, so that what a page does with the client's answers
/// is tested without a silo: the grains are hand-made fakes, the streams deliver what a test publishes, and
/// <see cref="Down"/> makes every call fail the way an unreachable cluster does.
/// </summary>
internal sealed class FakeCluster : IDisposable
{
    private readonly Dictionary<ConversationId, FakeConversationGrain> _conversations = [];
    private readonly ServiceProvider _services;

    public FakeCluster()
    {
        Monitor.NotifyClientStarted(); // with no gateway yet: Connect() opens one
        _services = new ServiceCollection().AddKeyedSingleton<IStreamProvider>(ConversationStreams.ProviderName, Streams).BuildServiceProvider();
        ClusterClient = ClusterClientProxy.Create(this);
        Client = new ChatClient(ClusterClient, Monitor, new SignedInUser(User), TimeProvider.System, NullLogger<ChatClient>.Instance);
    }

    public UserId User { get; } = UserId.New();

    public ClusterConnectionMonitor Monitor { get; } = new();

    public FakeUserGrain Users { get; } = new();

    public FakeChoicesGrain Choices { get; } = new();

    public FakeSignInGrain SignIns { get; } = new();

    public FakeStreams Streams { get; } = new();

    /// <summary>Whether every grain call and subscription fails as the cluster's not answering does.</summary>
    public bool Down { get; set; }

    public ChatClient Client { get; }

    public IServiceProvider Services => _services;

    /// <summary>The client the page's services are given, grains and streams from this cluster.</summary>
    public IClusterClient ClusterClient { get; }

    /// <summary>The user's list stream, as the client subscribes to it.</summary>
    public StreamId ListStream => StreamId.Create(UserStreams.Namespace, User.Value);

    /// <summary>A conversation's stream, as the client subscribes to it.</summary>
    public static StreamId ConversationStream(ConversationId conversation) => StreamId.Create(ConversationStreams.Namespace, conversation.Value);

    public FakeConversationGrain Conversation(ConversationId id)
    {
        if (!_conversations.TryGetValue(id, out var grain))
        {
            _conversations[id] = grain = new FakeConversationGrain(id);
        }

        return grain;
    }

    /// <summary>A gateway connection opens, as the client's connection monitor hears of it.</summary>
    public void Connect(int gateways = 1) => Monitor.NotifyGatewayCountChanged(gateways, gateways - 1, connectionRecovered: false);

    public object Grain(Type grainInterface, object key) => grainInterface switch
    {
        _ when grainInterface == typeof(IConversationGrain) => Conversation(new ConversationId((Guid)key)),
        _ when grainInterface == typeof(IUserGrain) && (Guid)key == User.Value => Users,
        _ when grainInterface == typeof(IChatModelsGrain) || grainInterface == typeof(IUserPresetsGrain) => Choices,
        _ when grainInterface == typeof(ISignInGrain) => SignIns,
        _ => throw new NotSupportedException($"No fake for {grainInterface.Name} {key}."),
    };

    public void Dispose() => _services.Dispose();
}
