using ChatbotOrleans.Frontend.Chat;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>After each render the list's script hears once how to settle what moved, and nothing when nothing did.</summary>
public sealed class HistoryScriptTests
{
    private readonly RecordingJS _js = new();
    private readonly ElementReference _element = new("messages");
    private readonly MessageList _list = new();

    [Fact]
    public async Task The_first_render_loads_and_starts_the_script_and_later_renders_that_moved_nothing_tell_it_nothing()
    {
        await using var script = new HistoryScript(_js, "./MessageList.razor.js");

        await script.RenderedAsync(_element, _list);
        await script.RenderedAsync(_element, _list);

        _js.Calls.ShouldBe(["import ./MessageList.razor.js", "init messages list -"]);
    }

    [Fact]
    public async Task A_message_revealed_before_the_script_started_is_where_it_starts()
    {
        await using var script = new HistoryScript(_js, "./MessageList.razor.js");

        script.Revealed(100);
        await script.RenderedAsync(_element, _list);

        _js.Calls.ShouldBe(["import ./MessageList.razor.js", "init messages list 100"]);
    }

    [Fact]
    public async Task Each_settling_is_told_once_after_the_render_that_shows_it()
    {
        await using var script = await Started();

        script.PageRead();
        await script.RenderedAsync(_element, _list);
        script.Revealed(100);
        await script.RenderedAsync(_element, _list);
        script.JumpedToLatest();
        await script.RenderedAsync(_element, _list);
        await script.RenderedAsync(_element, _list);

        _js.Calls.ShouldBe(["settle page -", "settle reveal 100", "settle end 100"]);
    }

    [Fact]
    public async Task A_jump_or_a_reveal_is_not_undone_by_a_page_read_before_the_render()
    {
        await using var script = await Started();

        script.JumpedToLatest();
        script.PageRead();
        await script.RenderedAsync(_element, _list);
        script.Revealed(7);
        script.PageRead();
        await script.RenderedAsync(_element, _list);

        _js.Calls.ShouldBe(["settle end -", "settle reveal 7"]);
    }

    [Fact]
    public async Task Disposing_ends_the_script_and_a_browser_already_gone_is_no_error()
    {
        var script = await Started();
        await script.DisposeAsync();
        _js.Calls.ShouldBe(["dispose", "module disposed"]);

        var orphan = await Started();
        _js.Disconnected = true;
        await orphan.DisposeAsync();
    }

    private async Task<HistoryScript> Started()
    {
        var script = new HistoryScript(_js, "./MessageList.razor.js");
        await script.RenderedAsync(_element, _list);
        _js.Calls.Clear();
        return script;
    }

    /// <summary>The browser side: records each call to the runtime and to the module it imports.</summary>
    private sealed class RecordingJS : IJSRuntime, IJSObjectReference
    {
        public List<string> Calls { get; } = [];

        public bool Disconnected { get; set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            if (Disconnected)
            {
                throw new JSDisconnectedException("The circuit is gone.");
            }

            Calls.Add(string.Join(' ', [identifier, .. (args ?? []).Select(Describe)]));
            return ValueTask.FromResult(identifier == "import" ? (TValue)(object)this : default!);
        }

        public ValueTask DisposeAsync()
        {
            Calls.Add("module disposed");
            return ValueTask.CompletedTask;
        }

        private static string Describe(object? arg) => arg switch
        {
            null => "-",
            ElementReference element => element.Id,
            DotNetObjectReference<MessageList> => "list",
            _ => arg.ToString()!,
        };
    }
}
