using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatbotOrleans.TestSupport.Smtp;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 for tests: a real SMTP conversation (EHLO/HELO, MAIL, RCPT, DATA
/// with dot-stuffing, RSET, NOOP, QUIT), with replies a test can turn into 4xx or 5xx failures. It can be
/// stopped (connections are then refused) and started again on the same port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<SmtpReceivedMessage> _messages = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _clients = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stopping;
    private Task _accepting = Task.CompletedTask;
    private int _connections;

    private SmtpSink()
    {
    }

    public int Port { get; private set; }

    /// <summary>
    /// The reply to <c>RCPT TO</c> for an address, e.g. <c>"550 5.1.1 No such user"</c>; <c>null</c> accepts.
    /// </summary>
    public Func<string, string?> RecipientReply { get; set; } = _ => null;

    /// <summary>Every message accepted so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<SmtpReceivedMessage> Messages => [.. _messages];

    /// <summary>How many connections were accepted since the sink was created.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public bool IsRunning => _listener is not null;

    public static SmtpSink Start()
    {
        var sink = new SmtpSink();
        sink.Listen(0);
        return sink;
    }

    /// <summary>The messages accepted for <paramref name="recipient"/>.</summary>
    public IReadOnlyList<SmtpReceivedMessage> MessagesTo(string recipient) =>
        [.. _messages.Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Listens again on the same port after <see cref="StopAsync"/>.</summary>
    public void Restart()
    {
        if (_listener is null)
        {
            Listen(Port);
        }
    }

    /// <summary>Stops listening and drops open connections: new connections are refused.</summary>
    public async Task StopAsync()
    {
        if (_listener is not { } listener)
        {
            return;
        }

        _listener = null;
        await _stopping!.CancelAsync();
        listener.Stop();
        foreach (var client in _clients.Keys)
        {
            client.Dispose();
        }

        await _accepting;
        _stopping.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _stopping = new CancellationTokenSource();
        _listener = listener;
        _accepting = AcceptAsync(listener, _stopping.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        var sessions = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stopping);
                Interlocked.Increment(ref _connections);
                _clients[client] = 0;
                sessions.Add(ServeAsync(client, stopping));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stopping)
    {
        try
        {
            using var _ = client;
            var stream = client.GetStream();

            // Latin-1 maps bytes to chars one to one, so the message bytes come through unchanged.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await new SmtpSession(reader, writer, RecipientReply, _messages.Enqueue).RunAsync(stopping);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client or the test hung up: nothing to report.
        }
        finally
        {
            _clients.TryRemove(client, out byte _);
        }
    }
}
