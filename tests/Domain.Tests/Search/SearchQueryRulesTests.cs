using ChatbotOrleans.Grains.Search;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Search;

public sealed class SearchQueryRulesTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("\"exact phrase\" -not or maybe")]
    [InlineData("a & b | !c")]
    [InlineData("Grüße aus Łódź")]
    [InlineData("'; DROP TABLE conversation_messages; --")]
    public void Words_with_any_punctuation_around_them_are_searched(string query) =>
        SearchQueryRules.Refusal(query).ShouldBeNull();

    [Theory]
    [InlineData("", "Type a word")]
    [InlineData("   \t", "Type a word")]
    [InlineData("\"\"", "no words, only punctuation")]
    [InlineData("&|!", "no words, only punctuation")]
    [InlineData("a\0b", "control characters")]
    public void A_query_with_nothing_to_search_is_refused_in_words(string query, string reason) =>
        SearchQueryRules.Refusal(query).ShouldNotBeNull().ShouldContain(reason);

    [Fact]
    public void A_query_of_ten_thousand_characters_is_refused_saying_the_limit_and_its_length()
    {
        var refusal = SearchQueryRules.Refusal(new string('a', 10_000));

        refusal.ShouldBe($"A search can be at most {SearchQueryRules.MaxLength} characters long; this one has 10,000. Search for a few of its words.");
        SearchQueryRules.Refusal(new string('a', SearchQueryRules.MaxLength)).ShouldBeNull();
    }
}
