using ChatbotOrleans.Frontend.Chat.Markdown.Highlighting;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Markdown;

public sealed class CodeHighlighterTests
{
    [Fact]
    public void CSharp_keywords_types_functions_strings_numbers_and_comments_are_told_apart()
    {
        var tokens = Tokens("csharp", "// note\nvar list = new List<int> { 42 };\nConsole.WriteLine(\"a\\\"b\"); /* end */ return null;");

        tokens.ShouldBe(
        [
            (TokenKind.Comment, "// note"),
            (TokenKind.Keyword, "var"),
            (TokenKind.Keyword, "new"),
            (TokenKind.Type, "List"),
            (TokenKind.Keyword, "int"),
            (TokenKind.Number, "42"),
            (TokenKind.Type, "Console"),
            (TokenKind.Function, "WriteLine"),
            (TokenKind.String, "\"a\\\"b\""),
            (TokenKind.Comment, "/* end */"),
            (TokenKind.Keyword, "return"),
            (TokenKind.Literal, "null"),
        ]);
    }

    [Fact]
    public void Python_triple_quoted_strings_span_lines()
    {
        var tokens = Tokens("py", "x = \"\"\"one\ntwo\"\"\" # c\nNone");

        tokens.ShouldBe([(TokenKind.String, "\"\"\"one\ntwo\"\"\""), (TokenKind.Comment, "# c"), (TokenKind.Literal, "None")]);
    }

    [Fact]
    public void Shell_variables_and_sql_keywords_in_any_case_are_coloured()
    {
        Tokens("bash", "echo $HOME ${USER:-x} # done").ShouldBe(
            [(TokenKind.Variable, "$HOME"), (TokenKind.Variable, "${USER:-x}"), (TokenKind.Comment, "# done")]);
        Tokens("sql", "Select id FROM t -- why").ShouldBe(
            [(TokenKind.Keyword, "Select"), (TokenKind.Keyword, "FROM"), (TokenKind.Comment, "-- why")]);
    }

    [Fact]
    public void Markup_tags_attributes_values_and_comments_are_coloured()
    {
        Tokens("html", "<!-- c --><a href=\"x\" hidden>t</a>").ShouldBe(
        [
            (TokenKind.Comment, "<!-- c -->"),
            (TokenKind.Tag, "<a"),
            (TokenKind.Attribute, "href"),
            (TokenKind.String, "\"x\""),
            (TokenKind.Attribute, "hidden"),
            (TokenKind.Tag, ">"),
            (TokenKind.Tag, "</a"),
            (TokenKind.Tag, ">"),
        ]);
    }

    [Fact]
    public void An_unterminated_string_ends_at_its_line_and_an_open_comment_at_the_end()
    {
        Tokens("js", "let s = 'oops\nlet t = 1 /* open").ShouldBe(
        [
            (TokenKind.Keyword, "let"),
            (TokenKind.String, "'oops"),
            (TokenKind.Keyword, "let"),
            (TokenKind.Number, "1"),
            (TokenKind.Comment, "/* open"),
        ]);
    }

    [Theory]
    [InlineData("csharp", "\"")]
    [InlineData("bash", "${")]
    [InlineData("js", "/*`'")]
    [InlineData("python", "'''\"\"\"")]
    [InlineData("html", "<a b='")]
    [InlineData("csharp", "a(")]
    public async Task Pathological_input_is_scanned_in_linear_time(string language, string unit)
    {
        var highlighter = CodeLanguages.Find(language)!;
        var code = string.Concat(Enumerable.Repeat(unit, 2_000_000 / unit.Length));

        // One linear pass over 2 MB takes tens of milliseconds; a scan that searches past each token again
        // (quadratic) takes minutes even with vectorised searching. Ten seconds separates the two however
        // busy the shared machine is, which comparing timings of small runs did not.
        var scan = Task.Run(() => CodeHighlighter.Tokenize(code, highlighter), TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        finished.ShouldBe(scan);
        (await scan).ShouldAllBe(t => t.Start >= 0 && t.Length > 0 && t.End <= code.Length);
    }

    [Fact]
    public void Tokens_are_ordered_and_never_overlap()
    {
        const string Code = "fn main() { let s = \"x\"; // c\n let n = 0x1F_u8; }";

        var tokens = CodeHighlighter.Tokenize(Code, CodeLanguages.Find("rust")!);

        tokens.Zip(tokens.Skip(1)).ShouldAllBe(pair => pair.First.End <= pair.Second.Start);
        tokens.Select(t => Code.Substring(t.Start, t.Length)).ShouldContain("0x1F_u8");
    }

    [Theory]
    [InlineData("C#")]
    [InlineData("TypeScript")]
    [InlineData("YML")]
    public void Languages_are_found_by_common_names_in_any_case(string name)
    {
        CodeLanguages.Find(name).ShouldNotBeNull();
    }

    private static List<(TokenKind, string)> Tokens(string language, string code) =>
        CodeHighlighter.Tokenize(code, CodeLanguages.Find(language)!)
            .Select(t => (t.Kind, code.Substring(t.Start, t.Length)))
            .ToList();
}
