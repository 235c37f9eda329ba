using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Diagnostics;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// The app's own metrics, read with a listener as an OpenTelemetry exporter would. Every silo in this
/// process has its own meter of that name, so gauges are judged by the highest value observed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MetricsTests(ClusterFixture fixture) : IDisposable
{
    private readonly ConcurrentQueue<(string Name, double Value, string Tags)> _measurements = new();
    private readonly MeterListener _listener = new();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task A_turn_counts_both_messages_its_fragments_and_reply_times_and_the_conversation_as_active()
    {
        Listen();
        var (user, conversation) = await fixture.NewConversationAsync();

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "count me"));
        await conversation.WaitForSequenceAsync(user, 2);
        // Reads interleave with the reply loop: the snapshot can show the reply while its write (and the
        // count that follows it) is still under way.
        await Poll.UntilAsync(
            () => Task.FromResult(Recorded("chatbot.messages").Count(m => m.Tags.Contains("role=assistant", StringComparison.Ordinal))),
            count => count > 0,
            TimeSpan.FromSeconds(10),
            "the stored reply to be counted");
        _listener.RecordObservableInstruments();

        Recorded("chatbot.messages").ShouldContain(m => m.Tags.Contains("role=user", StringComparison.Ordinal));
        Recorded("chatbot.messages").ShouldContain(m => m.Tags.Contains("role=assistant", StringComparison.Ordinal) && m.Tags.Contains("status=complete", StringComparison.Ordinal));
        Recorded("chatbot.reply.fragments").Sum(m => m.Value).ShouldBeGreaterThanOrEqualTo(3, "the scripted model streams three fragments");
        Recorded("chatbot.reply.first_fragment.duration").ShouldNotBeEmpty();
        Recorded("chatbot.reply.duration").ShouldContain(m => m.Tags.Contains("status=complete", StringComparison.Ordinal) && m.Value >= 0);
        Recorded("chatbot.conversations.active").Max(m => m.Value).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task An_email_the_server_keeps_refusing_for_now_counts_as_waiting_in_the_outbox()
    {
        Listen();

        await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync($"busy-{Guid.NewGuid():N}@example.com", TestNetworks.Unique());

        await Poll.UntilAsync(
            () =>
            {
                _listener.RecordObservableInstruments();
                return Task.FromResult(Recorded("chatbot.email.outbox.pending").Select(m => m.Value).DefaultIfEmpty().Max());
            },
            pending => pending >= 1,
            TimeSpan.FromSeconds(30),
            "the welcome email to count as pending");
    }

    private void Listen()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ChatMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
        _measurements.Enqueue((instrument.Name, value, text));
    }

    private List<(string Name, double Value, string Tags)> Recorded(string name) => [.. _measurements.Where(m => m.Name == name)];
}
