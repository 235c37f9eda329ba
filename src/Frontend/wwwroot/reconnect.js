// Starts Blazor and looks after the circuit's connection: Blazor shows #components-reconnect-modal while it
// retries. Should its retries run out, keep trying quietly; when the server no longer knows the circuit (it
// restarted), reload the page, which signs back in from the cookie and loads the conversation from the grain.
(() => {
  // Blazor's default waits 5 s and then 30 s between attempts once the first ten fail, so a page could stay
  // offline half a minute after its server is back: try at once, then every 2-5 s (spread so that the pages of
  // a restarted server do not all come back in the same second).
  window.Blazor.start({
    circuit: {
      reconnectionOptions: {
        maxRetries: 1000000,
        retryIntervalMilliseconds: attempts => attempts === 0 ? 0 : attempts < 3 ? 1000 : 2000 + Math.random() * 3000,
      },
    },
  });

  const banner = document.getElementById("components-reconnect-modal");
  if (!banner) {
    return;
  }

  // The chat's forms are Blazor's to handle. While the circuit is down nothing handles them, and the browser would
  // submit one itself (Enter in the composer just as the server went away): a GET of this page that, with the server
  // gone, leaves the page on the proxy's blank error with no script to try again. So a form sends nothing then.
  const isDown = () => /components-reconnect-(show|retrying|failed|rejected)/.test(banner.className);
  document.addEventListener("submit", event => {
    const form = event.target;
    if (isDown() && !form.hasAttribute("action") && form.method === "get") {
      event.preventDefault();
    }
  }, true);

  // During a rolling update the proxy can answer with its own error page for a moment; a page reloaded then
  // would stay on it, with no script left to try again. So reload only once the server serves this page.
  let reloading = false;
  const reloadWhenServed = async () => {
    if (reloading) {
      return;
    }
    reloading = true;
    for (;;) {
      try {
        const response = await fetch(location.href, { cache: "no-store", credentials: "same-origin" });
        if (response.ok) {
          break;
        }
      } catch {
        // Not reachable yet.
      }
      await new Promise(resolve => setTimeout(resolve, 1000 + Math.random() * 2000));
    }
    location.reload();
  };

  let timer;
  const retry = async () => {
    try {
      const resumed = await window.Blazor.reconnect();
      if (!resumed) {
        await reloadWhenServed();
      }
    } catch {
      timer = setTimeout(retry, 5000);
    }
  };

  new MutationObserver(() => {
    clearTimeout(timer);
    if (banner.classList.contains("components-reconnect-rejected")) {
      reloadWhenServed();
    } else if (banner.classList.contains("components-reconnect-failed")) {
      timer = setTimeout(retry, 3000);
    }
  }).observe(banner, { attributes: true, attributeFilter: ["class"] });

  banner.querySelector("[data-reconnect-now]")?.addEventListener("click", retry);
})();
