using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Markdown;

/// <summary>
/// Parses rendered output the way a browser would (AngleSharp implements the HTML5 parser) and checks it
/// against an allow-list of elements and attributes, so any markup the renderer let through fails the test
/// whatever its name.
/// </summary>
internal static partial class SafeMarkup
{
    // Element names, then the attributes each may carry.
    private static readonly FrozenDictionary<string, FrozenSet<string>> Allowed = new (string Elements, string Attributes)[]
    {
        ("p br hr em strong del h1 h2 h3 h4 h5 h6 blockquote table thead tbody tr", ""),
        ("th td", "style"),
        ("ul li", "class"),
        ("ol", "class start"),
        ("input", "type disabled checked class"),
        ("a", "href rel target title"),
        ("div", "class tabindex role aria-label data-testid"),
        ("span", "class role"),
        ("button", "type class"),
        ("pre", "tabindex"),
        ("code", "class"),
    }.SelectMany(entry => Words(entry.Elements).Select(element => KeyValuePair.Create(element, Words(entry.Attributes).ToFrozenSet())))
        .ToFrozenDictionary();

    public static IElement Parse(string html) => new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html).Body!;

    /// <summary>Fails unless every element and attribute in <paramref name="html"/> is on the allow-list.</summary>
    public static IElement ShouldBeSafe(string html)
    {
        var body = Parse(html);
        foreach (var element in body.QuerySelectorAll("*"))
        {
            var tag = element.LocalName;
            Allowed.TryGetValue(tag, out var attributes).ShouldBeTrue($"<{tag}> must not appear in: {html}");
            // Blazor's CSS-isolation marker (b-xxxx, no value) is the only other attribute allowed.
            foreach (var attribute in element.Attributes.Where(a => !(a.Name.StartsWith("b-", StringComparison.Ordinal) && a.Value.Length == 0)))
            {
                attributes!.ShouldContain(attribute.Name, $"<{tag} {attribute.Name}> must not appear in: {html}");
                CheckValue(tag, attribute.Name, attribute.Value, html);
            }
        }

        return body;
    }

    private static void CheckValue(string tag, string name, string value, string html)
    {
        switch (name)
        {
            case "href":
                SafeHref().IsMatch(value).ShouldBeTrue($"<{tag} href=\"{value}\"> in: {html}");
                break;
            case "style":
                TextAlign().IsMatch(value).ShouldBeTrue($"style=\"{value}\" in: {html}");
                break;
            case "target":
                value.ShouldBe("_blank");
                break;
            case "type" when tag == "input":
                value.ShouldBe("checkbox");
                break;
            default:
                break;
        }
    }

    private static string[] Words(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("^(https?://[^\\s\"'<>]+|mailto:[^\\s\"'<>]+)$")]
    private static partial Regex SafeHref();

    [GeneratedRegex("^text-align: (left|right|center);$")]
    private static partial Regex TextAlign();
}
