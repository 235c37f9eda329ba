using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Silo.Streams;
using Orleans.Runtime.Placement;
using Orleans.Streams;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Streams;

public sealed class ConversationPlacementDirectorTests
{
    private static readonly HashRingBasedStreamQueueMapper Mapper = StreamQueues.Mapper(4);

    private static readonly SiloAddress[] Silos = StreamQueues.Silos(4);

    private readonly LocalQueues _queues = new();

    public ConversationPlacementDirectorTests() => _queues.UseMapper(Mapper);

    [Fact]
    public async Task A_conversation_called_through_any_silo_is_placed_on_the_reader_of_its_queue()
    {
        Deal();
        var director = new ConversationPlacementDirector(_queues);

        foreach (var (conversation, reader) in Conversations(40))
        {
            foreach (var called in Silos)
            {
                (await director.OnAddActivation(new ConversationPlacement(), Target(conversation), new Context(called, SiloStatus.Active, Silos))).ShouldBe(reader);
            }
        }
    }

    [Fact]
    public async Task A_stopping_silo_places_nothing_on_itself_even_where_it_still_reads_the_queue()
    {
        Deal();
        var director = new ConversationPlacementDirector(_queues);
        var (conversation, reader) = Conversations(40).First(c => c.Reader.Equals(Silos[0]));

        var placed = await director.OnAddActivation(new ConversationPlacement(), Target(conversation), new Context(reader, SiloStatus.ShuttingDown, Silos));

        placed.ShouldNotBe(reader);
        Silos.ShouldContain(placed);
    }

    [Fact]
    public async Task Before_the_queues_are_dealt_the_called_silo_takes_the_conversation()
    {
        var director = new ConversationPlacementDirector(_queues);

        (await director.OnAddActivation(new ConversationPlacement(), Target(Guid.NewGuid()), new Context(Silos[2], SiloStatus.Active, Silos))).ShouldBe(Silos[2]);
    }

    [Fact]
    public async Task A_migration_hint_wins_over_the_reader()
    {
        Deal();
        var director = new ConversationPlacementDirector(_queues);
        var (conversation, reader) = Conversations(1).Single();
        var elsewhere = Silos.First(s => !s.Equals(reader));

        var target = Target(conversation, new() { [IPlacementDirector.PlacementHintKey] = elsewhere });
        (await director.OnAddActivation(new ConversationPlacement(), target, new Context(reader, SiloStatus.Active, Silos))).ShouldBe(elsewhere);
    }

    private void Deal() => _queues.Set(Silos[0], Silos, Mapper.GetAllQueues().ToList());

    private IEnumerable<(Guid Conversation, SiloAddress Reader)> Conversations(int count) =>
        Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).Select(id => (id, _queues.ReaderOf(StreamId.Create(ConversationStreams.Namespace, id))!));

    private static PlacementTarget Target(Guid conversation, Dictionary<string, object>? requestContext = null) =>
        new(GrainId.Create(GrainType.Create("conversation"), GrainIdKeyExtensions.CreateGuidKey(conversation)), requestContext ?? [], default, 0);

    private sealed class Context(SiloAddress local, SiloStatus status, SiloAddress[] compatible) : IPlacementContext
    {
        public SiloAddress LocalSilo => local;

        public SiloStatus LocalSiloStatus => status;

        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => compatible;

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) => new Dictionary<ushort, SiloAddress[]> { [0] = compatible };
    }
}
