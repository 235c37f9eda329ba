using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>Search across a user's chats through the grain, on the real PostgreSQL index.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChatSearchTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_user_finds_their_own_messages_with_the_chats_title_and_never_another_users()
    {
        var word = Word();
        var (me, mine) = await fixture.NewConversationAsync();
        var (other, theirs) = await fixture.NewConversationAsync();
        await SendAsync(me, mine, $"tell me about {word} please", 2);
        await SendAsync(other, theirs, $"my secret {word} plans", 2);

        var result = await fixture.Client.GetGrain<IChatSearchGrain>(me.Value).SearchAsync(word);

        // The scripted model's reply repeats the message, so each exchange holds the word twice.
        result.Error.ShouldBeNull();
        result.Hits.Count.ShouldBe(2);
        result.Hits.ShouldAllBe(h => h.Conversation.Value == mine.GetPrimaryKey() && h.Title == $"tell me about {word} please");
        var hit = result.Hits.Single(h => h.Role == ChatRole.User);
        hit.Sequence.ShouldBe(1);
        hit.Snippet.Where(p => p.Marked).Select(p => p.Text).ShouldBe([word]);
        string.Concat(hit.Snippet.Select(p => p.Text)).ShouldBe($"tell me about {word} please");
        (await fixture.Client.GetGrain<IChatSearchGrain>(other.Value).SearchAsync(word)).Hits
            .ShouldAllBe(h => h.Conversation.Value == theirs.GetPrimaryKey());
    }

    [Fact]
    public async Task A_deleted_chat_is_gone_from_the_results_as_soon_as_the_delete_returns()
    {
        var word = Word();
        var (me, kept) = await fixture.NewConversationAsync();
        var deleted = fixture.Client.GetGrain<IConversationGrain>((await fixture.Client.GetGrain<IUserGrain>(me.Value).StartConversationAsync()).Id.Value);
        await SendAsync(me, kept, $"{word} kept", 2);
        await SendAsync(me, deleted, $"{word} deleted", 2);
        var search = fixture.Client.GetGrain<IChatSearchGrain>(me.Value);
        (await search.SearchAsync(word)).Hits.Select(h => h.Conversation).Distinct().Count().ShouldBe(2);

        (await deleted.DeleteAsync(me)).Succeeded.ShouldBeTrue();

        var after = await search.SearchAsync(word);
        after.Hits.Count.ShouldBe(2, "the kept chat's message and its reply");
        after.Hits.ShouldAllBe(h => h.Conversation.Value == kept.GetPrimaryKey());
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("&|!")]
    [InlineData("")]
    public async Task A_query_with_no_words_is_answered_in_words(string query)
    {
        var (me, _) = await fixture.NewConversationAsync();

        var result = await fixture.Client.GetGrain<IChatSearchGrain>(me.Value).SearchAsync(query);

        result.Hits.ShouldBeEmpty();
        result.Error.ShouldNotBeNull().ShouldContain("word");
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_refused_in_words_and_quotes_and_operators_are_searched_as_words()
    {
        var word = Word();
        var (me, mine) = await fixture.NewConversationAsync();
        await SendAsync(me, mine, $"quoted {word} here", 2);
        var search = fixture.Client.GetGrain<IChatSearchGrain>(me.Value);

        (await search.SearchAsync(new string('a', 10_000))).Error.ShouldNotBeNull().ShouldContain("at most");
        (await search.SearchAsync($"\"{word} & | ! (")).Hits.Count.ShouldBe(2);
        (await search.SearchAsync($"\"quoted {word}\"")).Hits.Count.ShouldBe(2);
        (await search.SearchAsync($"{word} -quoted")).Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Older_pages_read_back_to_the_first_message_by_sequence_with_no_gap_or_repeat()
    {
        var (me, conversation) = await fixture.NewConversationAsync();
        for (var i = 1; i <= 12; i++)
        {
            await SendAsync(me, conversation, $"message {i}", 2 * i);
        }

        var snapshot = (await conversation.GetSnapshotAsync(me))!;
        var read = new List<ChatMessage>(snapshot.Messages);
        while (read[0].Sequence > 1)
        {
            read.InsertRange(0, await conversation.GetHistoryAsync(me, read[0].Sequence, 5));
        }

        read.Select(m => m.Sequence).ShouldBe(Enumerable.Range(1, 24).Select(i => (long)i));
        (await conversation.GetHistoryAsync(new UserId(Guid.NewGuid()), 10, 5)).ShouldBeEmpty("another user reads nothing");
    }

    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..12];

    private static async Task SendAsync(UserId user, IConversationGrain conversation, string text, long sequence)
    {
        (await conversation.SendAsync(user, new SendMessage(MessageId.New(), text))).Outcome.ShouldBe(ChangeOutcome.Accepted);
        await conversation.WaitForSequenceAsync(user, sequence);
    }
}
