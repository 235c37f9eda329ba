namespace ChatbotOrleans.TestSupport;

/// <summary>
/// Client networks for tests that call <c>ISignInGrain</c> directly: each call of <see cref="Unique"/> is a
/// network of its own, so the cluster's per-network sign-in limit (60 an hour) never mixes tests.
/// </summary>
public static class TestNetworks
{
    public static string Unique() => $"test-{Guid.NewGuid():N}";
}
