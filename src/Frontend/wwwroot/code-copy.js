// The copy buttons of code blocks in rendered Markdown. The markup comes from the server as a string, so it
// carries no Blazor events: one click handler on the document serves every block. Loaded with the page, so a
// button works from the moment it shows, before the colouring script (loaded with the first code) is in.
// A <button> fires click for Enter and Space too.
(() => {
  const feedbackMs = 2000;

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(".markdown .code-copy") : null;
    if (button) {
      copyBlock(button);
    }
  });

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
})();
