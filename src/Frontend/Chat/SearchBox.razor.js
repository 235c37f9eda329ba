// Ctrl+K (Cmd+K on a Mac) from anywhere on the page puts the cursor in the search box.
let shortcut = null;

// The box is looked up when the keys are pressed: an element reference taken before a re-render may be stale.
export function init() {
  shortcut?.abort();
  shortcut = new AbortController();
  document.addEventListener("keydown", (event) => {
    const input = document.getElementById("search-input");
    if (input && !input.disabled && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k" && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  }, { signal: shortcut.signal });
  document.documentElement.dataset.searchShortcut = "ready";
}

export function dispose() {
  shortcut?.abort();
  shortcut = null;
  delete document.documentElement.dataset.searchShortcut;
}

// The active option stays in view as the arrows walk the list.
export function showOption(id) {
  document.getElementById(id)?.scrollIntoView({ block: "nearest" });
}
