using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.Silo.ChatModels;
using ChatbotOrleans.Silo.Usage;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static ChatbotOrleans.Infrastructure.Tests.ChatModels.ChatModelTesting;

namespace ChatbotOrleans.Infrastructure.Tests.Usage;

public sealed class TiktokenTokenCounterTests
{
    private static readonly TiktokenTokenCounter Counter = new();

    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello, world!", 4)]
    [InlineData("internationalization", 2)]
    public void Counts_tokens_as_the_o200k_base_encoding_does(string text, int tokens) => Counter.Count(text).ShouldBe(tokens);

    [Fact]
    public void Counts_differ_from_four_characters_a_token_where_the_text_is_not_plain_english()
    {
        const string Code = "if (x != null) { return x?.Value ?? 0; }";

        Counter.Count(Code).ShouldNotBe(TokenEstimate.Count(Code));
        Counter.Count("日本語のテキスト").ShouldBeGreaterThan(TokenEstimate.Count("日本語のテキスト"), "CJK runs to fewer characters a token");
    }

    [Fact]
    public void A_long_text_counted_again_gets_its_own_count_each_time()
    {
        // Long enough to be remembered: each text, asked again or as a copy, keeps its own count.
        var english = string.Concat(Enumerable.Repeat("Hello, world! ", 20));
        var japanese = string.Concat(Enumerable.Repeat("日本語のテキスト。", 20));
        var (englishTokens, japaneseTokens) = (Counter.Count(english), Counter.Count(japanese));

        englishTokens.ShouldBe(Counter.Count(english[..^1]) + 1, "the last space is a token of its own");
        japaneseTokens.ShouldNotBe(englishTokens);
        Counter.Count(english).ShouldBe(englishTokens);
        Counter.Count(new string(japanese.AsSpan())).ShouldBe(japaneseTokens);
        Counter.Count(japanese).ShouldBe(japaneseTokens);
    }

    [Fact]
    public void The_silo_registers_the_tokenizer_and_its_models_estimate_with_it()
    {
        using var host = BuildHost(("OpenAI:ApiKey", "sk-x"), ("OpenAI:SystemPrompt", ""));

        host.Services.GetRequiredService<ITokenCounter>().ShouldBeOfType<TiktokenTokenCounter>();
        var model = host.Services.GetRequiredService<IChatModel>().ShouldBeOfType<OpenAIChatModel>();
        model.EstimateUsage(Ask("Hello, world!"), "internationalization")
            .ShouldBe(new TokenUsage(4 + TokenEstimate.TokensPerMessage, 2, Estimated: true), "still marked estimated");
    }

    [Fact]
    public void The_offline_bot_estimates_with_the_tokenizer_too()
    {
        using var host = BuildHost();

        host.Services.GetRequiredService<IChatModel>().EstimateUsage(Ask("Hello, world!"), "Hello, world!")
            .ShouldBe(new TokenUsage(4 + TokenEstimate.TokensPerMessage, 4, Estimated: true));
    }
}
