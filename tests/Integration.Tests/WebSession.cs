using System.Net;
using System.Text.RegularExpressions;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>A browser without JavaScript: its own cookie jar, no automatic redirects, plain form posts.</summary>
internal sealed partial class WebSession : IDisposable
{
    public const string AuthCookie = "chatbot.auth";

    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = [];

    /// <param name="baseAddress">The frontend.</param>
    /// <param name="forwardedFor">An <c>X-Forwarded-For</c> on every request, as Traefik adds it: the client as the proxy saw it.</param>
    public WebSession(Uri baseAddress, string? forwardedFor = null)
    {
        BaseAddress = baseAddress;
        _http = new HttpClient(new CookieJar(_cookies) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } })
        {
            BaseAddress = baseAddress,
        };
        if (forwardedFor is not null)
        {
            _http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
    }

    public Uri BaseAddress { get; }

    /// <summary>The cookies the app set, by name. Its cookies are Secure outside Development; like a browser on
    /// localhost, this session still sends them over the tests' plain http.</summary>
    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public string? Auth => _cookies.TryGetValue(AuthCookie, out var value) ? value : null;

    public void SetAuth(string value) => _cookies[AuthCookie] = value;

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

    /// <summary>Keeps the cookies a response sets (and drops the ones it expires) and sends them with every request.</summary>
    private sealed class CookieJar(Dictionary<string, string> cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
                if (expired)
                {
                    cookies.Remove(name);
                }
                else
                {
                    cookies[name] = value;
                }
            }

            return response;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
