namespace ChatbotOrleans.TestSupport;

/// <summary>Waits for a condition by polling it until a deadline: tests never sleep for a fixed time.</summary>
public static class Poll
{
    /// <summary>
    /// How long "exactly once" is watched after the first result: a duplicate made by the next reply sweep,
    /// guard reminder or retry (every one or two seconds in the tests) has time to show itself.
    /// </summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(5);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The deliberate wait of an "exactly once" test: watches <paramref name="probe"/> for <paramref name="quiet"/>
    /// (default <see cref="QuietPeriod"/>) and fails at the first value for which <paramref name="holds"/> is
    /// false, saying what changed and when. Returns the last value seen.
    /// </summary>
    public static async Task<T> StaysTrueForAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, TimeSpan? quiet = null)
    {
        var period = quiet ?? QuietPeriod;
        var started = DateTime.UtcNow;
        while (true)
        {
            var value = await probe();
            if (!holds(value))
            {
                throw new InvalidOperationException(
                    $"Expected {what} for {period.TotalSeconds:0.#} s, but after {(DateTime.UtcNow - started).TotalSeconds:0.0} s the value was {value}");
            }

            if (DateTime.UtcNow - started >= period)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The same wait for a value read without awaiting anything.</summary>
    public static Task<T> StaysTrueForAsync<T>(Func<T> probe, Func<T, bool> holds, string what, TimeSpan? quiet = null) =>
        StaysTrueForAsync(() => Task.FromResult(probe()), holds, what, quiet);
}
