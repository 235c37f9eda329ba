using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Limits;
using ChatbotOrleans.Grains.Users;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Users;

public sealed class UserTests
{
    private static readonly UserId Id = UserId.New();
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_sign_in_makes_the_user_with_a_session_stamp_and_later_ones_change_nothing()
    {
        var user = New();

        user.Exists.ShouldBeFalse();
        user.Initialize("ana@example.com", "203.0.113.0/24", Noon).ShouldBeTrue();
        var made = user.Profile;
        user.Initialize("other@example.com", "198.51.100.0/24", Noon.AddHours(1)).ShouldBeFalse();

        user.Exists.ShouldBeTrue();
        made.ShouldBe(new UserProfile(Id, "ana@example.com", Noon, made.SessionStamp, AddressProven: false));
        made.SessionStamp.ShouldNotBe(Guid.Empty);
        user.Profile.ShouldBe(made);
        user.State.Network.ShouldBe("203.0.113.0/24");
    }

    [Fact]
    public void Only_the_first_proof_of_the_address_ends_the_sessions()
    {
        var user = Made();
        var before = user.Profile.SessionStamp;

        user.ProveAddress().ShouldBeTrue();
        var proven = user.Profile;
        user.ProveAddress().ShouldBeFalse();

        proven.AddressProven.ShouldBeTrue();
        proven.SessionStamp.ShouldNotBe(before);
        user.Profile.SessionStamp.ShouldBe(proven.SessionStamp);
    }

    [Fact]
    public void A_new_session_stamp_differs_from_every_earlier_one()
    {
        var user = Made();
        var first = user.Profile.SessionStamp;

        user.RenewSessionStamp();
        var second = user.Profile.SessionStamp;
        user.RenewSessionStamp();

        new[] { first, second, user.Profile.SessionStamp }.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void A_started_chat_is_listed_as_an_empty_new_chat_and_the_list_is_newest_first()
    {
        var user = Made();

        var older = user.AddConversation(ConversationId.New(), Noon);
        var newer = user.AddConversation(ConversationId.New(), Noon.AddMinutes(1));

        newer.ShouldBe(new ConversationSummary(newer.Id, User.NewChatTitle, Noon.AddMinutes(1), IsEmpty: true));
        user.NewestFirst().ShouldBe([newer, older]);
    }

    [Fact]
    public void Starting_is_refused_once_the_user_keeps_the_most_chats_and_allowed_again_after_a_deletion()
    {
        var user = Made(new BudgetOptions { MaxConversationsPerUser = 1 });
        user.TakeStart(Noon).ShouldBeNull();
        var only = user.AddConversation(ConversationId.New(), Noon);

        user.TakeStart(Noon.AddMinutes(5)).ShouldBe(RateLimitMessages.TooManyChats(1));
        user.RemoveConversation(only.Id).ShouldBeTrue();
        user.RemoveConversation(only.Id).ShouldBeFalse("it is no longer listed");

        user.TakeStart(Noon.AddMinutes(5)).ShouldBeNull();
    }

    [Fact]
    public void Starting_too_many_chats_in_a_minute_is_refused_with_the_wait()
    {
        var user = Made(new BudgetOptions { MaxNewConversationsPerMinute = 2 });

        user.TakeStart(Noon).ShouldBeNull();
        user.TakeStart(Noon.AddSeconds(10)).ShouldBeNull();
        user.TakeStart(Noon.AddSeconds(20)).ShouldBe(RateLimitMessages.TooManyNewChats(TimeSpan.FromSeconds(40)));

        user.TakeStart(Noon.AddMinutes(1)).ShouldBeNull("the first start left the window");
    }

    [Fact]
    public void A_chat_that_is_not_listed_changes_nothing()
    {
        var user = Made();
        var listed = user.AddConversation(ConversationId.New(), Noon);

        user.UpdateConversation(new ConversationSummary(ConversationId.New(), "deleted meanwhile", Noon.AddMinutes(1))).ShouldBe(ListedChange.None);

        user.NewestFirst().ShouldBe([listed]);
        user.HasUnwrittenTimes.ShouldBeFalse();
    }

    [Fact]
    public void A_new_title_or_a_first_message_is_a_change_to_write_and_an_untitled_chat_keeps_the_new_chat_title()
    {
        var user = Made();
        var chat = user.AddConversation(ConversationId.New(), Noon);

        user.UpdateConversation(chat with { Title = "", UpdatedAt = Noon.AddMinutes(1), IsEmpty = false }).ShouldBe(ListedChange.Changed);
        user.Listed(chat.Id).ShouldBe(chat with { UpdatedAt = Noon.AddMinutes(1), IsEmpty = false });
        user.UpdateConversation(chat with { Title = "Trip to Lisbon", UpdatedAt = Noon.AddMinutes(2), IsEmpty = false }).ShouldBe(ListedChange.Changed);

        user.Listed(chat.Id).Title.ShouldBe("Trip to Lisbon");
        user.HasUnwrittenTimes.ShouldBeFalse("changes the list shows are written at once");
    }

    [Fact]
    public void A_message_in_the_newest_chat_only_makes_it_newer_and_is_written_later()
    {
        var user = Made();
        user.AddConversation(ConversationId.New(), Noon);
        var newest = Titled(user, user.AddConversation(ConversationId.New(), Noon.AddMinutes(1)));

        user.UpdateConversation(newest with { UpdatedAt = Noon.AddMinutes(2) }).ShouldBe(ListedChange.None);

        user.Listed(newest.Id).UpdatedAt.ShouldBe(Noon.AddMinutes(2));
        user.HasUnwrittenTimes.ShouldBeTrue();
        user.TimesWritten();
        user.HasUnwrittenTimes.ShouldBeFalse();
    }

    [Fact]
    public void A_message_in_an_older_chat_moves_it_up()
    {
        var user = Made();
        var older = Titled(user, user.AddConversation(ConversationId.New(), Noon));
        var newer = user.AddConversation(ConversationId.New(), Noon.AddMinutes(1));

        user.UpdateConversation(older with { UpdatedAt = Noon.AddMinutes(2) }).ShouldBe(ListedChange.Moved);

        user.Listed(older.Id).ShouldBe(older with { UpdatedAt = Noon.AddMinutes(2) });
        user.NewestFirst().Select(c => c.Id).ShouldBe([older.Id, newer.Id]);
        user.HasUnwrittenTimes.ShouldBeTrue();
    }

    private static User New(BudgetOptions? budgets = null) => new(Id, new UserState(), budgets ?? new BudgetOptions());

    private static User Made(BudgetOptions? budgets = null)
    {
        var user = New(budgets);
        user.Initialize("ana@example.com", "203.0.113.0/24", Noon);
        return user;
    }

    // A chat with a title and a first message: what a later message changes is its time alone.
    private static ConversationSummary Titled(User user, ConversationSummary chat)
    {
        var titled = chat with { Title = "Titled", IsEmpty = false };
        user.UpdateConversation(titled);
        return titled;
    }
}
