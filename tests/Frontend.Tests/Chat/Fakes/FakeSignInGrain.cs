using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>The sign-in grain as a test sets it: every call fails with <see cref="Failure"/> when one is set.</summary>
internal sealed class FakeSignInGrain : ISignInGrain
{
    public Exception? Failure { get; set; }

    public int Calls { get; private set; }

    public Task<SignInResult> SignInAsync(string email, string network) => AnswerAsync();

    public Task<SignInResult> RedeemLinkAsync(string token) => AnswerAsync();

    private Task<SignInResult> AnswerAsync()
    {
        Calls++;
        return Failure is null
            ? Task.FromException<SignInResult>(new NotSupportedException("Only failures are faked."))
            : Task.FromException<SignInResult>(Failure);
    }
}
