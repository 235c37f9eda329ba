using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;
using static ChatbotOrleans.Domain.Tests.Conversations.Replies.TestReplyWriters;

namespace ChatbotOrleans.Domain.Tests.Conversations.Replies;

/// <summary>What a reply costs: the tokens its endpoint reported, or an estimate marked so, recorded for the owner.</summary>
public sealed class ReplyWriterUsageTests
{
    [Fact]
    public async Task A_reply_carries_the_usage_its_endpoint_reported_and_records_it_for_the_owner()
    {
        var (conversation, host, _) = Owing();
        using var writer = Writer(host, new ScriptedModel(["Hi"], reports: new TokenUsage(120, 7, Estimated: false)));

        writer.Start(conversation);
        var reply = await host.Ended.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        reply.Usage.ShouldBe(new TokenUsage(120, 7, Estimated: false));
        var record = host.Usage.ShouldHaveSingleItem();
        (record.User.Value, record.Conversation, record.Reply, record.Model, record.Usage)
            .ShouldBe((conversation.State.OwnerId, host.Id, reply.Id, "scripted", reply.Usage));
    }

    [Fact]
    public async Task Without_a_report_the_usage_is_estimated_and_marked_so()
    {
        var (conversation, host, _) = Owing();
        using var writer = Writer(host, new ScriptedModel(["Twelve chars"]));

        writer.Start(conversation);
        var reply = await host.Ended.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        // "question" is 2 tokens of text and 4 of framing; "Twelve chars" is 3.
        reply.Usage.ShouldBe(new TokenUsage(6, 3, Estimated: true));
    }

    [Fact]
    public async Task A_stopped_reply_counts_only_the_text_that_arrived()
    {
        var (conversation, host, _) = Owing();
        using var writer = Writer(host, new ScriptedModel(["12345678"], holdOpen: true, reports: new TokenUsage(999, 999, Estimated: false)));

        writer.Start(conversation);
        await host.FirstDelta.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        writer.Stop();
        var reply = await host.Ended.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        reply.Usage.ShouldBe(new TokenUsage(6, 2, Estimated: true));
        host.Usage.ShouldHaveSingleItem().Usage.OutputTokens.ShouldBe(2);
    }

    [Fact]
    public async Task A_reply_failing_before_any_text_costs_nothing_and_records_nothing()
    {
        var (conversation, host, _) = Owing();
        using var writer = Writer(host, new ScriptedModel([], new ChatModelException("Rate limited.", isTransient: true)));

        writer.Start(conversation);
        var reply = await host.Ended.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        reply.Usage.ShouldBeNull();
        host.Usage.ShouldBeEmpty();
    }
}
