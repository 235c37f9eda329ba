namespace ChatbotOrleans.TestSupport;

/// <summary>Waits for a condition by polling it until a deadline: tests never sleep for a fixed time.</summary>
public static class Poll
{
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
}
