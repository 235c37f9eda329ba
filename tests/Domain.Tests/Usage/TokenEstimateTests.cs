using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Usage;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Usage;

public sealed class TokenEstimateTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    public void Text_counts_a_token_for_every_four_characters_begun(string text, int tokens) =>
        TokenEstimate.Count(text).ShouldBe(tokens);

    [Fact]
    public void The_fallback_counter_for_hosts_without_a_tokenizer_counts_four_characters_a_token() =>
        TokenEstimate.Characters.Count("abcdefghi").ShouldBe(3);

    [Fact]
    public void The_context_counts_each_message_with_its_framing_and_the_reply_alone()
    {
        IReadOnlyList<ChatTurn> context = [new(ChatRole.User, "12345678"), new(ChatRole.Assistant, "1234"), new(ChatRole.User, "1")];

        TokenEstimate.Of(context, "123456789").ShouldBe(new TokenUsage(2 + 1 + 1 + (3 * TokenEstimate.TokensPerMessage), 3, Estimated: true));
    }

    [Fact]
    public void A_receipt_prefers_the_endpoint_s_report_and_counts_a_reply_failed_before_any_text_as_nothing()
    {
        var model = new CountingModel();
        IReadOnlyList<ChatTurn> context = [new(ChatRole.User, "hi")];
        var receipt = new UsageReceipt();

        receipt.For(model, context, "", ReplyStatus.Failed).ShouldBeNull();
        receipt.For(model, context, "so", ReplyStatus.Stopped).ShouldBe(new TokenUsage(5, 1, Estimated: true));
        receipt.Report(10, 20);
        receipt.For(model, context, "so", ReplyStatus.Complete).ShouldBe(new TokenUsage(10, 20, Estimated: false));
    }

    private sealed class CountingModel : IChatModel
    {
        public string Name => "counting";

        public bool IsOffline => true;

        public IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, CancellationToken cancellationToken) =>
            AsyncEnumerable.Empty<string>();
    }
}
