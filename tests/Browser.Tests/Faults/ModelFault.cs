using ChatbotOrleans.TestSupport.FakeOpenAI;

namespace ChatbotOrleans.Browser.Tests.Faults;

/// <summary>One misbehaviour of the model endpoint and what the user should end up seeing.</summary>
/// <param name="Name">Says the fault, and is the text of the message sent under it.</param>
/// <param name="Arrange">Plans the fault on the fake model.</param>
/// <param name="ShowsFailure">Whether the reply fails (to be retried by the user) rather than being rescued by the silo's own retries.</param>
/// <param name="Requests">How many model requests the silo makes for the message before the page settles.</param>
/// <param name="HoldBeforeToken">
/// Holds the first stream before this token until the page shows the reply in progress: bytes still in flight
/// when a connection is cut are lost, so a cut "mid-reply" must come after the silo surely received the first tokens.
/// </param>
internal sealed record ModelFault(string Name, Action<FakeOpenAIServer> Arrange, bool ShowsFailure, int Requests, int? HoldBeforeToken = null)
{
    public override string ToString() => Name;
}
