using System.Collections.Frozen;
using static ChatbotOrleans.Frontend.Chat.Markdown.Highlighting.CodeLanguage;

namespace ChatbotOrleans.Frontend.Chat.Markdown.Highlighting;

/// <summary>The languages models write most often, found by the name after a code fence (<c>```python</c>).</summary>
internal static class CodeLanguages
{
    private const string JavaScriptKeywords = """
        break case catch class const continue debugger default delete do else export extends finally for function if
        import in instanceof let new return super switch this throw try typeof var void while with yield async await
        of static get set from as
        """;

    private const string JavaScriptLiterals = "true false null undefined NaN Infinity";

    private static readonly CodeLanguage CSharp = CLike("csharp", """
        abstract as base break case catch checked class const continue default delegate do else enum event explicit
        extern finally fixed for foreach goto if implicit in interface internal is lock namespace new operator out
        override params private protected public readonly record ref return sealed sizeof stackalloc static struct
        switch this throw try typeof unchecked unsafe using virtual void volatile while async await var get set init
        required yield when where with partial nameof not and or global bool byte char decimal double float int long
        object sbyte short string uint ulong ushort nint nuint
        """, "true false null");

    private static readonly CodeLanguage JavaScript = CLike("javascript", JavaScriptKeywords, JavaScriptLiterals) with
    {
        MultilineQuotes = "`",
        CapitalizedTypes = false,
    };

    private static readonly CodeLanguage TypeScript = CLike("typescript", JavaScriptKeywords + """
         type interface enum implements private protected public readonly abstract declare namespace module keyof
         infer is satisfies any unknown never string number boolean symbol bigint object
        """, JavaScriptLiterals) with
    { MultilineQuotes = "`" };

    private static readonly CodeLanguage Java = CLike("java", """
        abstract assert boolean break byte case catch char class const continue default do double else enum extends
        final finally float for goto if implements import instanceof int interface long native new package private
        protected public return short static strictfp super switch synchronized this throw throws transient try void
        volatile while var record sealed permits yield
        """, "true false null");

    private static readonly CodeLanguage Go = CLike("go", """
        break case chan const continue default defer else fallthrough for func go goto if import interface map
        package range return select struct switch type var bool byte complex64 complex128 error float32 float64 int
        int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any
        """, "true false nil iota") with
    { MultilineQuotes = "`", CapitalizedTypes = false };

    // A Rust quote is mostly a lifetime ('a), not a character, so only double quotes open strings.
    private static readonly CodeLanguage Rust = CLike("rust", """
        as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod move mut
        pub ref return self Self static struct super trait type unsafe use where while i8 i16 i32 i64 i128 isize u8
        u16 u32 u64 u128 usize f32 f64 bool char str
        """, "true false") with
    { Quotes = "\"" };

    private static readonly CodeLanguage Cpp = CLike("cpp", """
        auto break case char const continue default do double else enum extern float for goto if inline int long
        register return short signed sizeof static struct switch typedef union unsigned void volatile while bool
        class namespace template typename public private protected virtual override new delete this throw try catch
        using constexpr noexcept operator friend explicit
        """, "true false NULL nullptr");

    private static readonly CodeLanguage Python = new()
    {
        Name = "python",
        Keywords = Words("""
            and as assert async await break class continue def del elif else except finally for from global if
            import in is lambda nonlocal not or pass raise return try while with yield match case
            """),
        Literals = Words("True False None"),
        LineComments = ["#"],
        TripleQuotes = true,
        CapitalizedTypes = true,
    };

    private static readonly CodeLanguage Sql = new()
    {
        Name = "sql",
        Keywords = Words("""
            select from where and or not insert into values update set delete create table alter drop index view
            primary key foreign references join inner left right outer full cross on as group by order having limit
            offset distinct union all case when then else end is in exists between like ilike returning with begin
            commit rollback transaction default constraint unique check cascade if grant revoke int integer bigint
            smallint text varchar char boolean timestamp timestamptz date numeric serial uuid jsonb json asc desc
            """, ignoreCase: true),
        Literals = Words("true false null", ignoreCase: true),
        LineComments = ["--"],
        BlockComment = ("/*", "*/"),
    };

    private static readonly CodeLanguage Shell = new()
    {
        Name = "bash",
        Keywords = Words("""
            if then else elif fi for while until do done case esac in function return local export readonly declare
            unset shift exit break continue source alias set trap eval exec select time
            """),
        Literals = Words("true false"),
        LineComments = ["#"],
        VariablePrefix = '$',
    };

    private static readonly CodeLanguage PowerShell = new()
    {
        Name = "powershell",
        Keywords = Words("""
            begin break catch class continue data do dynamicparam else elseif end exit filter finally for foreach from
            function if in param process return switch throw trap try until using var while
            """, ignoreCase: true),
        LineComments = ["#"],
        BlockComment = ("<#", "#>"),
        VariablePrefix = '$',
    };

    private static readonly CodeLanguage Json = new()
    {
        Name = "json",
        Literals = Words("true false null"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        Quotes = "\"",
    };

    private static readonly CodeLanguage Yaml = new()
    {
        Name = "yaml",
        Literals = Words("true false null yes no on off", ignoreCase: true),
        LineComments = ["#"],
    };

    private static readonly CodeLanguage Css = new()
    {
        Name = "css",
        BlockComment = ("/*", "*/"),
    };

    private static readonly CodeLanguage Markup = new() { Name = "html", IsMarkup = true };

    private static readonly FrozenDictionary<string, CodeLanguage> ByAlias = new (CodeLanguage Language, string Aliases)[]
    {
        (CSharp, "cs c# csharp"),
        (JavaScript, "js javascript jsx mjs node"),
        (TypeScript, "ts typescript tsx"),
        (Java, "java"),
        (Go, "go golang"),
        (Rust, "rs rust"),
        (Cpp with { Name = "c" }, "c"),
        (Cpp, "cpp c++ h hpp cc"),
        (Python, "py python python3"),
        (Sql, "sql postgresql postgres psql mysql sqlite"),
        (Shell, "sh bash shell zsh console"),
        (PowerShell, "ps1 powershell pwsh"),
        (Json, "json jsonc"),
        (Yaml, "yaml yml"),
        (Css, "css scss"),
        (Markup, "html"),
        (Markup with { Name = "xml" }, "xml svg xaml csproj"),
    }.SelectMany(entry => Words(entry.Aliases).Select(alias => KeyValuePair.Create(alias, entry.Language)))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The language a fence names, or <c>null</c> when unknown (the block is then shown uncoloured).</summary>
    public static CodeLanguage? Find(string? name) =>
        name is { Length: > 0 } && ByAlias.TryGetValue(name, out var language) ? language : null;

    private static CodeLanguage CLike(string name, string keywords, string literals) => new()
    {
        Name = name,
        Keywords = Words(keywords),
        Literals = Words(literals),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        CapitalizedTypes = true,
    };
}
