using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// New conversation ids whose stream goes through a queue this silo reads. A conversation starts beside the user
/// who starts it, on this silo; its events then go from the conversation to the queue's grain and the pulling agent
/// that delivers them without crossing to another silo, where an id drawn at random has a queue read elsewhere on
/// most silos (bench/results/scale-out.md). Ids stay random v7 ids: one in every (silos ÷ queues) fits, on average.
/// </summary>
internal sealed class LocalQueueConversationIds(LocalQueues local) : IConversationIds
{
    /// <summary>After this many misses the id is kept anyway: a silo that reads no queue, or a membership in flux.</summary>
    internal const int Draws = 64;

    public ConversationId Next()
    {
        for (var draw = 1; draw < Draws; draw++)
        {
            var id = ConversationId.New();
            if (local.Reads(StreamId.Create(ConversationStreams.Namespace, id.Value)))
            {
                return id;
            }
        }

        return ConversationId.New();
    }
}
