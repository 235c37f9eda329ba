using System.Collections.Concurrent;
using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.TestSupport.FakeOpenAI;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>Counts the fake model's requests per user message (by the id its text starts with), whatever their outcome.</summary>
public sealed class ModelAsks : IDisposable
{
    private readonly FakeOpenAIServer _model;
    private readonly ConcurrentDictionary<string, int> _asks = new();

    public ModelAsks(FakeOpenAIServer model)
    {
        _model = model;
        model.RequestFinished = request =>
        {
            // "message " and the id's 32 hex digits (MessageText.Make).
            var key = MessageText.KeyOf(request.LastUserText);
            _asks.AddOrUpdate(key.Length == MessageText.KeyLength ? key[8..] : key, 1, (_, n) => n + 1);
        };
    }

    public IReadOnlyDictionary<string, int> ByMessage => _asks;

    public void Dispose() => _model.RequestFinished = null;
}
