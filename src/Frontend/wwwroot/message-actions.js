// A listed message's buttons are markup, not components (a component per button costs every open page memory on
// the server), so a press of one reaches the page as one "messageaction" event, raised on the button and handled
// by the list. Loaded before Blazor starts: the event type must be known before the list renders its handler.
(() => {
  window.Blazor.registerCustomEventType("messageaction", { createEventArgs: event => event.detail });

  // A pressed button is made again with the line it sits on; the focus goes back to its successor (for a version
  // button, the same button on the version it showed), so that a keyboard reader can press it again.
  let refocus = null;
  const observer = new MutationObserver(() => {
    if (!refocus || Date.now() > refocus.until) {
      refocus = null;
      observer.disconnect();
      return;
    }
    if (document.activeElement && document.activeElement !== document.body) {
      return;
    }
    // The same button, or (a version button that reached the first or last version) its enabled neighbour.
    const family = refocus.action.split("-")[0];
    const next = document.querySelector(`[data-history] button[data-action="${refocus.action}"][data-sequence="${refocus.sequence}"]:not(:disabled)`)
      ?? document.querySelector(`[data-history] button[data-action^="${family}"][data-sequence="${refocus.sequence}"]:not(:disabled)`);
    if (next) {
      next.focus();
      refocus = null;
      observer.disconnect();
    }
  });

  document.addEventListener("click", event => {
    const button = event.target instanceof Element ? event.target.closest("button[data-action]") : null;
    const list = button?.closest("[data-history]");
    if (!list || button.matches(":disabled")) {
      return;
    }
    const detail = {
      action: button.dataset.action,
      sequence: Number(button.dataset.sequence),
      target: Number(button.dataset.target ?? 0),
    };
    if (document.activeElement === button) {
      refocus = { action: detail.action, sequence: detail.target || detail.sequence, until: Date.now() + 5000 };
      observer.observe(list, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
    }
    button.dispatchEvent(new CustomEvent("messageaction", { bubbles: true, detail }));
  });
})();
