using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Makes the ids of new conversations. The silo's ids route the conversation's stream through a queue the starting
/// silo reads, so its events need not cross to another silo (bench/results/scale-out.md); any fresh id is correct.
/// </summary>
public interface IConversationIds
{
    ConversationId Next();

    /// <summary>A fresh random id each time: a host with no preference (tests, tools).</summary>
    static IConversationIds Random { get; } = new RandomIds();

    private sealed class RandomIds : IConversationIds
    {
        public ConversationId Next() => ConversationId.New();
    }
}
