// Colours of code blocks in rendered Markdown. The markup comes from the server as a string of escaped text:
// one observer colours every block the page inserts, including those a streaming reply re-renders on each
// delta. The blocks' copy buttons work without this script (code-copy.js, loaded with the page).
const codeSelector = ".markdown pre code[class^='language-']";
const maxCached = 100;

// A streaming reply replaces its markup on every delta; the blocks it finished come back with the same
// text, so their colouring is reused rather than computed again. Keyed by language and text.
const coloured = new Map();
let hljs;

if (!window.chatbotMarkdown) {
  window.chatbotMarkdown = true;
  // Should highlight.js fail to load, the code stays plain, readable text.
  startColouring().catch(() => {});
}

async function startColouring() {
  const [core, dockerfile, powershell] = await Promise.all([
    import("../vendor/highlight.js/highlight.min.js"),
    import("../vendor/highlight.js/languages/dockerfile.min.js"),
    import("../vendor/highlight.js/languages/powershell.min.js"),
  ]);
  hljs = core.default;
  hljs.registerLanguage("dockerfile", dockerfile.default);
  hljs.registerLanguage("powershell", powershell.default);
  // Names models write after a fence that highlight.js does not know by itself.
  hljs.registerAliases(["python3"], { languageName: "python" });
  hljs.registerAliases(["node"], { languageName: "javascript" });
  hljs.registerAliases(["psql", "postgres", "postgresql", "mysql", "sqlite"], { languageName: "sql" });
  hljs.registerAliases(["csproj", "xaml"], { languageName: "xml" });

  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          colourWithin(node);
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  colourWithin(document.body);
}

function colourWithin(root) {
  if (root.matches(codeSelector)) {
    colour(root);
  }

  for (const code of root.querySelectorAll(codeSelector)) {
    colour(code);
  }
}

// The server wrote the code as escaped text and named its language in the class (language-<fence name>).
// A language highlight.js does not know stays plain text; it never guesses one (guessing runs every grammar).
function colour(code) {
  const language = code.className.slice("language-".length);
  if (code.dataset.coloured !== undefined || !hljs.getLanguage(language)) {
    return;
  }

  const text = code.textContent ?? "";
  const key = language + "\n" + text;
  let html = coloured.get(key);
  if (html === undefined) {
    html = hljs.highlight(text, { language, ignoreIllegals: true }).value;
    if (coloured.size >= maxCached) {
      coloured.delete(coloured.keys().next().value);
    }

    coloured.set(key, html);
  }

  code.dataset.coloured = "";
  // Safe as markup: highlight.js escapes every piece of the text and adds only spans with classes of its own
  // (hljs-…, and language-… around an embedded language such as a script in HTML).
  code.innerHTML = html;
}
