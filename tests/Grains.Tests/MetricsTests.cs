using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Diagnostics;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// The app's own metrics, read with a listener as an OpenTelemetry exporter would. Every silo in this process
/// has a meter of that name; the listener takes only the instruments of this collection's own silo, so the
/// gauges hold exactly what these tests did.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(MetricsClusterFixture fixture) : IDisposable
{
    private readonly ConcurrentQueue<(string Name, double Value, string Tags)> _measurements = new();
    private readonly MeterListener _listener = new();

    /// <summary>The factory of this collection's silo: the scope of the meters it created.</summary>
    private IMeterFactory SiloMeters => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IMeterFactory>();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task A_turn_counts_both_messages_its_fragments_and_reply_times_and_the_conversation_as_active()
    {
        Listen();
        var (user, conversation) = await fixture.NewConversationAsync();

        await conversation.SendAsync(user, new SendMessage(MessageId.New(), "count me"), TestContext.Current.CancellationToken);
        await conversation.WaitForSequenceAsync(user, 2);
        // Reads interleave with the reply loop: the snapshot can show the reply while its write (and the
        // count that follows it) is still under way.
        await Poll.UntilAsync(
            () => Task.FromResult(Recorded("chatbot.messages").Count(m => m.Tags.Contains("role=assistant", StringComparison.Ordinal))),
            count => count > 0,
            TimeSpan.FromSeconds(10),
            "the stored reply to be counted");

        Recorded("chatbot.messages").Count(m => m.Tags.StartsWith("role=user,", StringComparison.Ordinal)).ShouldBe(1);
        Recorded("chatbot.messages").Where(m => m.Tags.StartsWith("role=assistant,", StringComparison.Ordinal)).ShouldHaveSingleItem().Tags.ShouldBe("role=assistant,status=complete");
        Recorded("chatbot.reply.fragments").Sum(m => m.Value).ShouldBe(3, "the scripted model streams three fragments");
        Recorded("chatbot.reply.first_fragment.duration").Count.ShouldBe(1);
        Recorded("chatbot.reply.duration").ShouldHaveSingleItem().Tags.ShouldBe("status=complete");
        ActiveConversations().ShouldBe(1, "the one conversation this silo has activated");

        await fixture.Cluster.DeactivateAsync(conversation);
        await fixture.Cluster.WaitForDeactivationAsync(conversation);
        await Poll.UntilAsync(() => Task.FromResult(ActiveConversations()), n => n == 0, TimeSpan.FromSeconds(10), "no active conversation after its deactivation");
    }

    [Fact]
    public async Task An_email_the_server_keeps_refusing_for_now_counts_as_waiting_in_the_outbox()
    {
        Listen();

        await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync($"busy-{Guid.NewGuid():N}@example.com", TestNetworks.Unique());

        // Another test's welcome email may still be on its way; once it is delivered, only the refused one waits.
        await Poll.UntilAsync(() => Task.FromResult(Gauge("chatbot.email.outbox.pending")), pending => pending == 1, TimeSpan.FromSeconds(30), "exactly the refused welcome email to count as pending");
    }

    private double ActiveConversations() => Gauge("chatbot.conversations.active");

    /// <summary>The gauge's current value on this collection's silo.</summary>
    private double Gauge(string name)
    {
        var before = _measurements.Count;
        _listener.RecordObservableInstruments();
        return _measurements.Skip(before).Where(m => m.Name == name).Select(m => m.Value).DefaultIfEmpty().Single();
    }

    private void Listen()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ChatMetrics.MeterName && instrument.Meter.Scope == SiloMeters)
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
