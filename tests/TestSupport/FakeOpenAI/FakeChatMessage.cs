namespace ChatbotOrleans.TestSupport.FakeOpenAI;

/// <summary>One message of a recorded request, as the client sent it ("system", "user", "assistant"…).</summary>
public sealed record FakeChatMessage(string Role, string Text);
