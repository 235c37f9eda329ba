using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Users;

public sealed class ConversationListChangedTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly UserId User = new(Guid.Parse("0191a6c0-0000-7000-8000-0000000000aa"));

    private static readonly ConversationSummary Newest = Summary("newest", Noon);
    private static readonly ConversationSummary Middle = Summary("middle", Noon.AddMinutes(-1));
    private static readonly ConversationSummary Oldest = Summary("oldest", Noon.AddMinutes(-2));

    [Fact]
    public void A_whole_list_replaces_what_the_page_showed() =>
        new ConversationListChanged(User, [Middle]).ApplyTo([Newest, Middle, Oldest]).ShouldBe([Middle]);

    [Fact]
    public void A_changed_chat_moves_to_its_place_by_time_and_the_others_keep_their_order()
    {
        var touched = Oldest with { UpdatedAt = Noon.AddMinutes(1) };

        var shown = new ConversationListChanged(User, [touched], OnlyChanged: true).ApplyTo([Newest, Middle, Oldest]);

        shown.ShouldBe([touched, Newest, Middle]);
    }

    [Fact]
    public void A_changed_chat_the_page_did_not_list_yet_is_added()
    {
        var unknown = Summary("started on another page", Noon.AddMinutes(-1).AddSeconds(30));

        var shown = new ConversationListChanged(User, [unknown], OnlyChanged: true).ApplyTo([Newest, Middle]);

        shown.ShouldBe([Newest, unknown, Middle]);
    }

    private static ConversationSummary Summary(string title, DateTimeOffset updatedAt) =>
        new(ConversationId.New(), title, updatedAt);
}
