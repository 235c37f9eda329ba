// Enter sends, Shift+Enter (or an IME composition) keeps typing; the textarea grows with its text.
// Returns false when the elements are gone (the page re-rendered meanwhile), so the caller tries again.
export function init(form, textarea) {
  if (!form || !textarea || !textarea.isConnected) {
    return false;
  }

  if (textarea.dataset.keys === "ready") {
    return true;
  }

  textarea.dataset.keys = "ready";
  const grow = () => {
    textarea.style.height = "auto";
    textarea.style.height = `${Math.min(textarea.scrollHeight, 200)}px`;
  };

  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  textarea.addEventListener("input", grow);
  new MutationObserver(grow).observe(textarea, { attributes: true, attributeFilter: ["disabled"] });

  followEnd();
  return true;
}

// Keeps the newest message in view while the reader is at the bottom of the page.
function followEnd() {
  const nearEnd = () => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 96;
  let following = true;
  window.addEventListener("scroll", () => { following = nearEnd(); }, { passive: true });
  const chat = document.querySelector(".chat");
  if (!chat) {
    return;
  }

  const scroll = () => {
    if (following) {
      window.scrollTo({ top: document.documentElement.scrollHeight });
    }
  };
  new MutationObserver(scroll).observe(chat, { childList: true, subtree: true, characterData: true });
  scroll();
}
