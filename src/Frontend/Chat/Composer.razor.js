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

  // Half of a surrogate pair (a broken emoji, pasted from a bad source) cannot travel to the server in
  // the input event, so the server would never see the text: say so here, and the form will not submit.
  textarea.addEventListener("input", () => {
    textarea.setCustomValidity(brokenCharacter.test(textarea.value)
      ? "The text contains a broken character (half of an emoji, for example). Delete it and type it again."
      : "");
  });
  new MutationObserver(grow).observe(textarea, { attributes: true, attributeFilter: ["disabled"] });

  followEnd();
  return true;
}

const brokenCharacter = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Keeps the newest message in view while the reader is at the bottom of the page. Scrolling up (wheel,
// touch, keys, or the scroll bar) stops it at once, before the next token can pull the page back down;
// coming back to the bottom resumes it.
let followListeners = null;

function followEnd() {
  // A new chat page replaces the old one's listeners instead of adding to them.
  followListeners?.abort();
  followListeners = new AbortController();
  const signal = followListeners.signal;
  const nearEnd = () => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 96;
  let following = true;
  let lastY = window.scrollY;
  const stop = () => { following = false; };
  window.addEventListener("wheel", (event) => { if (event.deltaY < 0) stop(); }, { passive: true, signal });
  window.addEventListener("touchmove", stop, { passive: true, signal });
  // The chat list took the reader to a message of their choosing (a search hit).
  window.addEventListener("chat:reading", stop, { signal });
  window.addEventListener("keydown", (event) => {
    if (["PageUp", "ArrowUp", "Home"].includes(event.key) && !event.target.closest?.("textarea, input")) stop();
  }, { signal });
  window.addEventListener("scroll", () => {
    if (nearEnd()) {
      following = true;
    } else if (window.scrollY < lastY) {
      stop();
    }
    lastY = window.scrollY;
  }, { passive: true, signal });
  const chat = document.querySelector(".chat");
  if (!chat) {
    return;
  }

  // A chat's list of messages appearing (the page opened a chat) starts at its newest message, wherever the reader was
  // in the chat before; the list's own script comes later and would move a reader who scrolled up meanwhile.
  let list = null;
  const scroll = () => {
    // The reader may have moved up since the last scroll event, which the browser sends a frame or more later (hundreds
    // of milliseconds on a busy machine): a change to the page meanwhile must not take them back down.
    if (window.scrollY < lastY && !nearEnd()) {
      stop();
    }

    const shown = chat.querySelector("[data-history]");
    if (shown !== list) {
      list = shown;
      following = true;
    }

    if (following) {
      window.scrollTo({ top: document.documentElement.scrollHeight });
    }
  };
  const observer = new MutationObserver(scroll);
  observer.observe(chat, { childList: true, subtree: true, characterData: true });
  signal.addEventListener("abort", () => observer.disconnect());
  scroll();
}
