namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The reminder that wakes the conversation while a reply asked for again (retry, regenerate) is owed: a send's own
/// row marks it owed for the reply sweep, a request lives only in the state. Registered once per activation.
/// </summary>
internal sealed class ReplyGuard(IReplyHost host)
{
    private bool _registered;

    public async Task RegisterAsync()
    {
        if (!_registered)
        {
            await host.RegisterGuardAsync();
            _registered = true;
        }
    }

    public async Task UnregisterAsync()
    {
        await host.UnregisterGuardAsync();
        _registered = false;
    }
}
