using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>Records where a page navigates, and whether it replaced the history entry.</summary>
internal sealed class FakeNavigation : NavigationManager
{
    public FakeNavigation() => Initialize("http://localhost/", "http://localhost/");

    public List<(string Uri, bool Replace)> Visits { get; } = [];

    protected override void NavigateToCore(string uri, NavigationOptions options)
    {
        Visits.Add((uri, options.ReplaceHistoryEntry));
        Uri = ToAbsoluteUri(uri).ToString();
    }
}
