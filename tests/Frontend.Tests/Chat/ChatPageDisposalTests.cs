using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class ChatPageDisposalTests
{
    // The renderer disposes a component whose first render failed or whose circuit went away before
    // OnInitialized ran; disposal must not throw then, or it hides the original error.
    [Fact]
    public async Task A_page_disposed_before_it_initialised_disposes_without_error()
    {
        var page = new ChatbotOrleans.Frontend.Chat.Chat();

        await Should.NotThrowAsync(async () => await page.DisposeAsync());
    }
}
