using ChatbotOrleans.Frontend.Chat;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>A live region reads what changed: every sentence said must change its text, the same one again too.</summary>
public sealed class AnnouncerTests
{
    private const string Older = "Loaded 32 older messages.";

    private readonly Announcer _announcer = new();

    [Fact]
    public void The_region_starts_silent_and_a_sentence_is_put_in_it_as_it_is()
    {
        _announcer.Text.ShouldBeEmpty();

        _announcer.Say(Older);

        _announcer.Text.ShouldBe(Older);
    }

    [Fact]
    public void The_same_sentence_said_again_changes_the_text_every_time()
    {
        var texts = new List<string>();

        for (var i = 0; i < 4; i++)
        {
            _announcer.Say(Older);
            texts.Add(_announcer.Text);
        }

        texts.ShouldBe([Older, Older + " ", Older, Older + " "]);
    }

    [Fact]
    public void Another_sentence_after_a_repeated_one_is_put_as_it_is()
    {
        _announcer.Say(Older);
        _announcer.Say(Older);

        _announcer.Say("Loaded 32 newer messages.");

        _announcer.Text.ShouldBe("Loaded 32 newer messages.");
    }
}
