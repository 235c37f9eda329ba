using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.Silo.ChatModels;
using Microsoft.Extensions.Options;
using Shouldly;
using static ChatbotOrleans.Infrastructure.Tests.ChatModels.ChatModelTesting;

namespace ChatbotOrleans.Infrastructure.Tests.ChatModels;

public sealed class OfflineChatModelTests
{
    private static OfflineChatModel CreateModel(TimeSpan tokenDelay) =>
        new(Options.Create(new OfflineBotOptions { TokenDelay = tokenDelay }));

    [Fact]
    public async Task Labels_itself_and_streams_a_reply_word_by_word()
    {
        var model = CreateModel(TimeSpan.FromMilliseconds(1));

        var tokens = await CollectAsync(model.StreamReplyAsync(Ask("How are you today?"), TestContext.Current.CancellationToken));

        model.Name.ShouldBe("offline");
        model.IsOffline.ShouldBeTrue();
        tokens.Count.ShouldBeGreaterThan(10);
        var reply = string.Concat(tokens);
        reply.ShouldStartWith("Offline bot — no language model is configured (set OpenAI__ApiKey to use one).");
        reply.ShouldContain("How are you today?");
        reply.ShouldContain("question of 4 words");
    }

    [Fact]
    public async Task Answers_the_last_user_message_the_same_way_every_time()
    {
        var model = CreateModel(TimeSpan.Zero);
        IReadOnlyList<ChatTurn> context =
        [
            new(ChatRole.User, "first"),
            new(ChatRole.Assistant, "reply"),
            new(ChatRole.User, "second message"),
        ];

        var once = string.Concat(await CollectAsync(model.StreamReplyAsync(context, TestContext.Current.CancellationToken)));
        var twice = string.Concat(await CollectAsync(model.StreamReplyAsync(context, TestContext.Current.CancellationToken)));

        once.ShouldBe(twice);
        once.ShouldContain("“second message”");
        once.ShouldContain("2 messages from you");
        once.ShouldNotContain("first");
    }

    [Fact]
    public async Task Writes_no_more_tokens_than_the_budget_left_as_its_usage_counts_them()
    {
        var model = CreateModel(TimeSpan.Zero);
        var context = new List<ChatTurn> { new(ChatRole.User, "hello there") };
        var receipt = new UsageReceipt { MaxOutputTokens = 5 };

        var reply = new List<string>();
        await foreach (var token in model.StreamReplyAsync(context, receipt, TestContext.Current.CancellationToken))
        {
            reply.Add(token);
        }

        reply.ShouldNotBeEmpty();
        ((IChatModel)model).EstimateUsage(context, string.Concat(reply)).OutputTokens.ShouldBeLessThanOrEqualTo(5);
        string.Concat(reply).Length.ShouldBeLessThan(OfflineChatModel.ComposeReply(context).Length);
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        var model = CreateModel(TimeSpan.FromMilliseconds(5));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var received = 0;

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in model.StreamReplyAsync(Ask("hello there"), cancellation.Token))
            {
                received++;
                await cancellation.CancelAsync();
            }
        });

        received.ShouldBe(1);
    }
}
