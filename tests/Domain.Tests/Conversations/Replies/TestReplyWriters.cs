using System.Diagnostics.Metrics;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatbotOrleans.Domain.Tests.Conversations.Replies;

/// <summary>A reply writer over fakes, for the tests of what it writes, stores, publishes and records.</summary>
internal static class TestReplyWriters
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>A conversation owed a reply to "question", and a host that records what the writer does.</summary>
    public static (Conversation Conversation, FakeReplyHost Host, ChatMessage Question) Owing()
    {
        var conversation = TestConversation.New();
        return (conversation, new FakeReplyHost(), conversation.Send("question"));
    }

    public static ReplyWriter Writer(FakeReplyHost host, IChatModel model) =>
        new(host, new ChatModelCatalog([model]), TimeProvider.System, new ChatMetrics(new TestMeterFactory()), NullLogger.Instance);

    private sealed class TestMeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
