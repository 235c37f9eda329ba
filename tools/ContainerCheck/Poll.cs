namespace ChatbotOrleans.ContainerCheck;

internal static class Poll
{
    /// <summary>Polls <paramref name="condition"/> until it holds; a timeout says what did not happen.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{failure} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(250);
        }
    }
}
