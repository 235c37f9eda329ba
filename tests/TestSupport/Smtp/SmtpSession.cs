using System.Text;
using MimeKit;

namespace ChatbotOrleans.TestSupport.Smtp;

/// <summary>The server side of one SMTP connection (RFC 5321, the commands a mail client needs).</summary>
internal sealed class SmtpSession(
    StreamReader reader,
    StreamWriter writer,
    Func<string, string?> recipientReply,
    Action<SmtpReceivedMessage> accept)
{
    private readonly List<string> _recipients = [];
    private string? _from;

    public async Task RunAsync(CancellationToken stopping)
    {
        await writer.WriteLineAsync("220 sink.test ESMTP test sink ready");
        while (await reader.ReadLineAsync(stopping) is { } line)
        {
            var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    // No PIPELINING, 8BITMIME or SMTPUTF8: the client then sends plain 7-bit, one command at a time.
                    await writer.WriteLineAsync("250-sink.test greets you\r\n250 HELP");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 sink.test");
                    break;
                case "MAIL":
                    Reset();
                    _from = AddressIn(line);
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    await RecipientAsync(AddressIn(line));
                    break;
                case "DATA":
                    await DataAsync(stopping);
                    break;
                case "RSET":
                    Reset();
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    private async Task RecipientAsync(string address)
    {
        if (_from is null)
        {
            await writer.WriteLineAsync("503 5.5.1 MAIL first");
        }
        else if (recipientReply(address) is { } reply)
        {
            await writer.WriteLineAsync(reply);
        }
        else
        {
            _recipients.Add(address);
            await writer.WriteLineAsync("250 2.1.5 OK");
        }
    }

    private async Task DataAsync(CancellationToken stopping)
    {
        if (_from is null || _recipients.Count == 0)
        {
            await writer.WriteLineAsync("503 5.5.1 No valid recipients");
            return;
        }

        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(stopping) is { } line && line != ".")
        {
            // Dot-stuffing: the client doubled every leading dot.
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        using var raw = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()));
        var message = await MimeMessage.LoadAsync(raw, stopping);
        accept(new SmtpReceivedMessage(_from, [.. _recipients], message));
        Reset();
        await writer.WriteLineAsync("250 2.0.0 OK queued");
    }

    private void Reset()
    {
        _from = null;
        _recipients.Clear();
    }

    private static string AddressIn(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
