using ChatbotOrleans.Silo.ChatModels;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.ChatModels;

public sealed class OpenAIOptionsValidatorTests
{
    private static List<string> Failures(Action<OpenAIOptions> configure)
    {
        var options = new OpenAIOptions();
        configure(options);
        return new OpenAIOptionsValidator().Validate(name: null, options).Failures?.ToList() ?? [];
    }

    [Fact]
    public void Defaults_are_valid_and_offline() => Failures(_ => { }).ShouldBeEmpty();

    [Fact]
    public void A_key_with_the_default_model_is_valid() => Failures(o => o.ApiKey = "sk-x").ShouldBeEmpty();

    [Fact]
    public void An_endpoint_without_a_key_is_valid() => Failures(o => o.Endpoint = "http://localhost:11434/v1").ShouldBeEmpty();

    [Theory]
    [InlineData("localhost:11434")]
    [InlineData("not a url")]
    [InlineData("/v1")]
    [InlineData("ftp://example.com/v1")]
    public void An_endpoint_that_is_not_an_absolute_http_url_is_rejected(string endpoint) =>
        Failures(o => o.Endpoint = endpoint).ShouldHaveSingleItem()
            .ShouldBe($"OpenAI:Endpoint must be an absolute http or https URL such as http://localhost:11434/v1, but was '{endpoint}'.");

    [Fact]
    public void A_missing_model_is_rejected_when_a_key_is_set() =>
        Failures(o => (o.ApiKey, o.Model) = ("sk-x", " ")).ShouldHaveSingleItem()
            .ShouldBe("OpenAI:Model is required when OpenAI:ApiKey or OpenAI:Endpoint is set (e.g. gpt-4o-mini).");

    [Fact]
    public void A_missing_model_is_rejected_when_an_endpoint_is_set() =>
        Failures(o => (o.Endpoint, o.Model) = ("http://localhost:11434/v1", "")).ShouldHaveSingleItem()
            .ShouldStartWith("OpenAI:Model is required");

    [Fact]
    public void A_missing_model_does_not_matter_offline() => Failures(o => o.Model = "").ShouldBeEmpty();

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Max_output_tokens_must_be_positive(int value) =>
        Failures(o => o.MaxOutputTokens = value).ShouldHaveSingleItem()
            .ShouldBe($"OpenAI:MaxOutputTokens must be positive, but was {value}.");

    [Fact]
    public void The_request_timeout_must_be_positive() =>
        Failures(o => o.RequestTimeout = TimeSpan.Zero).ShouldHaveSingleItem()
            .ShouldBe("OpenAI:RequestTimeout must be positive, but was 00:00:00.");

    [Fact]
    public void Max_retries_must_not_be_negative() =>
        Failures(o => o.MaxRetries = -1).ShouldHaveSingleItem()
            .ShouldBe("OpenAI:MaxRetries must be zero or more, but was -1.");

    [Fact]
    public void The_retry_delay_must_not_be_negative() =>
        Failures(o => o.RetryDelay = TimeSpan.FromSeconds(-1)).ShouldHaveSingleItem()
            .ShouldStartWith("OpenAI:RetryDelay must not be negative");

    [Fact]
    public void Every_mistake_is_reported_at_once() =>
        Failures(o =>
        {
            o.Endpoint = "nope";
            o.Model = "";
            o.MaxOutputTokens = 0;
            o.MaxRetries = -1;
        }).Count.ShouldBe(4);
}
