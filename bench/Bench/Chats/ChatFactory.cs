using ChatbotOrleans.Bench.Hosting;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Bench.Chats;

/// <summary>Makes conversations the way the app does: users sign in, then start them.</summary>
public sealed class ChatFactory(IClusterClient client, CancellationToken cancellationToken)
{
    public const int SeedBatch = 16;

    private int _users;

    /// <summary>
    /// Starts <paramref name="count"/> conversations, <paramref name="perUser"/> per signed-in user (a user's
    /// state lists their conversations, so one user with thousands would measure that list, not the chat).
    /// </summary>
    public async Task<List<ChatProbe>> CreateAsync(int count, int perUser = 20, int parallelism = 32, bool subscribe = false)
    {
        var users = (count + perUser - 1) / perUser;
        var probes = new ChatProbe[count];
        await Parallel.ForAsync(0, users, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (u, _) =>
        {
            var number = Interlocked.Increment(ref _users);
            var email = $"bench-{number}-{Guid.NewGuid():N}@example.com";

            // Each user from an address of its own in the benchmarking range (198.18.0.0/15), as people sign in.
            var network = $"198.{18 + ((number >> 16) & 1)}.{(number >> 8) & 255}.{number & 255}";
            var signIn = await ClusterFault.RetryAsync(() => client.GetGrain<ISignInGrain>(0).SignInAsync(email, network), cancellationToken);
            var user = signIn.User?.Id ?? throw new InvalidOperationException($"Sign-in failed: {signIn.Error}");
            for (var i = u * perUser; i < Math.Min(count, (u + 1) * perUser); i++)
            {
                var summary = await ClusterFault.RetryAsync(() => client.GetGrain<IUserGrain>(user.Value).StartConversationAsync(), cancellationToken);
                probes[i] = new ChatProbe(client, user, summary.Id);
                if (subscribe)
                {
                    await probes[i].SubscribeAsync();
                }
            }
        });
        return [.. probes];
    }

    /// <summary>
    /// Gives each conversation <paramref name="turns"/> user messages and their replies: up to
    /// <see cref="SeedBatch"/> messages are sent back to back, the replies catch up, and so on, so the
    /// window never holds more than a batch beyond its usual two pages.
    /// </summary>
    public async Task SeedAsync(IReadOnlyList<ChatProbe> probes, int turns, int characters, int parallelism = 32)
    {
        if (turns == 0)
        {
            return;
        }

        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (probe, _) =>
        {
            var sequence = (await probe.Grain.GetSnapshotAsync(probe.Owner))!.Sequence;
            for (var sent = 0; sent < turns;)
            {
                var batch = Math.Min(SeedBatch, turns - sent);
                for (var i = 0; i < batch; i++)
                {
                    probe.Forget(await probe.SendAsync(characters));
                }

                sent += batch;
                sequence += 2L * batch;
                await probe.WaitUntilIdleAsync(sequence, TimeSpan.FromMinutes(5));
            }
        });
    }
}
