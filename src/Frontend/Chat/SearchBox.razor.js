// Ctrl+K (Cmd+K on a Mac) from anywhere on the page puts the cursor in the search box.
let shortcut = null;

export function init(input) {
  shortcut?.abort();
  shortcut = new AbortController();
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k" && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  }, { signal: shortcut.signal });
}

export function dispose() {
  shortcut?.abort();
  shortcut = null;
}

// The active option stays in view as the arrows walk the list.
export function showOption(id) {
  document.getElementById(id)?.scrollIntoView({ block: "nearest" });
}
