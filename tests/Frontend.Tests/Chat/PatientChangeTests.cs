using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class PatientChangeTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<CancellationToken> _tries = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_try_that_answers_in_time_is_the_only_one()
    {
        var made = new PatientChange(_time).MakeAsync(Answer(ChangeResult.Done));

        (await made.WaitAsync(Ct)).ShouldBe(ChangeResult.Done);
        _tries.Count.ShouldBe(1);
        _tries[0].CanBeCanceled.ShouldBeTrue("the first try carries the patience's token");
    }

    [Fact]
    public async Task A_first_try_left_unanswered_is_given_up_after_the_patience_and_made_once_more_without_a_limit()
    {
        var made = new PatientChange(_time).MakeAsync(ct => _tries.Count == 0 ? Unanswered(ct) : Answer(ChangeResult.Done)(ct));

        _time.Advance(PatientChange.Patience - TimeSpan.FromMilliseconds(1));
        made.IsCompleted.ShouldBeFalse("the first try is still waited for");
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await made.WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldBe(ChangeResult.Done);
        _tries.Count.ShouldBe(2);
        _tries[1].CanBeCanceled.ShouldBeFalse("the second try waits as long as Orleans does");
    }

    [Fact]
    public async Task A_second_try_that_is_not_answered_either_says_so_in_words()
    {
        var made = new PatientChange(_time).MakeAsync(ct => _tries.Count == 0 ? Unanswered(ct) : Answer(ChangeResult.Unavailable)(ct));

        _time.Advance(PatientChange.Patience);

        var answer = await made.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        answer.Outcome.ShouldBe(ChangeOutcome.Unavailable);
        answer.Error.ShouldNotBeNullOrWhiteSpace();
        _tries.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(ChangeOutcome.Unavailable)]
    [InlineData(ChangeOutcome.Rejected)]
    [InlineData(ChangeOutcome.Duplicate)]
    public async Task A_first_try_answered_before_the_patience_ends_is_not_made_again(ChangeOutcome outcome)
    {
        var answer = new ChangeResult(outcome, Error: "said in words");

        var made = new PatientChange(_time).MakeAsync(Answer(answer));
        _time.Advance(PatientChange.Patience * 2);

        (await made.WaitAsync(Ct)).ShouldBe(answer);
        _tries.Count.ShouldBe(1);
    }

    private Func<CancellationToken, Task<ChangeResult>> Answer(ChangeResult result) => ct =>
    {
        _tries.Add(ct);
        return Task.FromResult(result);
    };

    // What ChatClient answers for a call whose token ended the wait: the cluster did not answer in time.
    private async Task<ChangeResult> Unanswered(CancellationToken ct)
    {
        _tries.Add(ct);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }

        return ChangeResult.Unavailable;
    }
}
