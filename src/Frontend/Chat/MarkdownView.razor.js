// Copy buttons and colours of code blocks in rendered Markdown. The markup comes from the server as a
// string of escaped text, so it carries no Blazor events: one click handler on the document serves every
// block, and one observer colours every block the page inserts, including those a streaming reply
// re-renders on each delta. A <button> fires click for Enter and Space too.
const feedbackMs = 2000;
const codeSelector = ".markdown pre code[class^='language-']";
const maxCached = 100;

// A streaming reply replaces its markup on every delta; the blocks it finished come back with the same
// text, so their colouring is reused rather than computed again. Keyed by language and text.
const coloured = new Map();
let hljs;

if (!window.chatbotMarkdown) {
  window.chatbotMarkdown = true;
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(".markdown .code-copy") : null;
    if (button) {
      copyBlock(button);
    }
  });
  // Loaded after the copy handler is in place, so a reader's first click never waits for highlight.js.
  // Should it fail to load, the code stays plain, readable text.
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

async function copyBlock(button) {
  const block = button.closest(".code-block");
  const code = block?.querySelector("pre code");
  if (!code) {
    return;
  }

  const copied = await copy(code);
  const status = block.querySelector(".code-status");
  const label = copied ? "Copied" : "Press Ctrl+C to copy";
  button.textContent = copied ? "Copied" : "Press Ctrl+C";
  button.classList.toggle("copied", copied);
  if (status) {
    status.textContent = label;
  }

  clearTimeout(button.copyTimer);
  button.copyTimer = setTimeout(() => {
    button.textContent = "Copy code";
    button.classList.remove("copied");
    if (status) {
      status.textContent = "";
    }
  }, feedbackMs);
}

async function copy(code) {
  const text = code.textContent ?? "";
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or no focus: fall through to selecting the text for the reader.
  }

  // Without the clipboard API (plain http) select the code: the legacy copy command may still work, and
  // if it does not, the reader's own Ctrl+C will.
  const range = document.createRange();
  range.selectNodeContents(code);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}
