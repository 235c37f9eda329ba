using System.Net;
using System.Text.RegularExpressions;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>A browser without JavaScript: its own cookie jar, no automatic redirects, plain form posts.</summary>
internal sealed partial class WebSession : IDisposable
{
    public const string AuthCookie = "chatbot.auth";

    private readonly HttpClient _http;

    /// <param name="baseAddress">The frontend.</param>
    /// <param name="forwardedFor">An <c>X-Forwarded-For</c> on every request, as Traefik adds it: the client as the proxy saw it.</param>
    public WebSession(Uri baseAddress, string? forwardedFor = null)
    {
        BaseAddress = baseAddress;
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = baseAddress };
        if (forwardedFor is not null)
        {
            _http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; } = new();

    public string? Auth => Cookies.GetCookies(BaseAddress)[AuthCookie]?.Value;

    public void SetAuth(string value) => Cookies.Add(BaseAddress, new Cookie(AuthCookie, value));

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path, TestContext.Current.CancellationToken);

    /// <summary>Loads a page with a form and returns the antiforgery token it carries (its cookie lands in the jar).</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var html = await _http.GetStringAsync(path, TestContext.Current.CancellationToken);
        return FormToken().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}:\n{html}");
    }

    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return _http.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in through the real form, antiforgery token included.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email) =>
        await PostAsync("/signin", new()
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = await FormTokenAsync("/signin"),
            ["Input.Email"] = email,
        });

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
