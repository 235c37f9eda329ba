using ChatbotOrleans.Grains.Abstractions;
using Orleans.Serialization;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>The work of <see cref="ConversationSession"/> that starts outside the page: stream events and reconnects.</summary>
internal sealed partial class ConversationSession
{
    // A failure the cluster could not serialize arrives as a SerializerException: still the cluster's
    // fault, never a reason to end the circuit.
    private static bool IsTransient(Exception exception) =>
        exception is OrleansException or TimeoutException or OperationCanceledException or SerializerException;

    private Task OnEventAsync(ConversationEvent conversationEvent) => RunOnPageAsync(async () =>
    {
        if (View.Apply(conversationEvent) == ViewUpdate.ReloadNeeded)
        {
            await ReloadAsync(0);
        }
    });

    private Task OnListChangedAsync(ConversationListChanged changed) => RunOnPageAsync(() =>
    {
        Conversations = changed.ApplyTo(Conversations);
        return Task.CompletedTask;
    });

    private void OnGatewayConnected(object? sender, EventArgs e) => _ = RunOnPageAsync(ResubscribeAsync);

    // dotnet/orleans#10274: subscriptions made before a cluster restart are gone, and so are the
    // events published meanwhile. Subscribe again and reload; the cluster may need a moment.
    private async Task ResubscribeAsync()
    {
        var conversationId = View.ConversationId;
        foreach (var delay in ResubscribeDelays)
        {
            await Task.Delay(delay, _closed.Token);
            if (View.ConversationId != conversationId)
            {
                return;
            }

            try
            {
                await UnsubscribeListAsync();
                await RefreshConversationsAsync();
                if (conversationId is { } open)
                {
                    await UnsubscribeAsync();
                    await SubscribeAndLoadAsync(open);
                }

                Problem = null;
                return;
            }
            catch (Exception exception) when (IsTransient(exception) && !_closed.IsCancellationRequested)
            {
                LogResubscribeFailed(logger, exception, conversationId?.ToString() ?? "(none)");
                Problem = Unreachable;
            }
        }
    }

    private async Task RunOnPageAsync(Func<Task> work)
    {
        if (_closed.IsCancellationRequested || _invokeAsync is not { } invokeAsync)
        {
            return;
        }

        try
        {
            await invokeAsync(async () =>
            {
                try
                {
                    await work();
                }
                catch (Exception exception) when (IsTransient(exception) && !_closed.IsCancellationRequested)
                {
                    LogBackgroundFailed(logger, exception);
                    Problem = Unreachable;
                }
            });
        }
        catch (Exception) when (_closed.IsCancellationRequested)
        {
            // The circuit is gone; nobody is left to tell.
        }
        catch (Exception exception) when (_dispatchException is not null)
        {
            await _dispatchException(exception);
        }
    }

    private async Task<UserId> GetUserAsync()
    {
        if (_user is { } known)
        {
            return known;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        if (!Auth.UserClaims.TryGetUserId(state.User, out var user))
        {
            throw new InvalidOperationException("The circuit has no signed-in user.");
        }

        _user = user;
        return user;
    }

    private IConversationGrain ConversationGrain(ConversationId id) => client.GetGrain<IConversationGrain>(id.Value);

    private IUserGrain UserGrain(UserId id) => client.GetGrain<IUserGrain>(id.Value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A chat call failed: the cluster did not answer.")]
    private static partial void LogCallFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} kept needing reloads; showing the last snapshot.")]
    private static partial void LogReloadLoop(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing from a conversation stream failed.")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resubscribing to conversation {ConversationId} failed; trying again.")]
    private static partial void LogResubscribeFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background chat work failed: the cluster did not answer.")]
    private static partial void LogBackgroundFailed(ILogger logger, Exception exception);
}
