// The circuit's connection: Blazor shows #components-reconnect-modal while it retries. When its retries
// run out, keep trying quietly; when the server no longer knows the circuit (it restarted), reload the
// page, which signs back in from the cookie and loads the conversation from the grain.
(() => {
  const banner = document.getElementById("components-reconnect-modal");
  if (!banner) {
    return;
  }

  let timer;
  const retry = async () => {
    try {
      const resumed = await window.Blazor.reconnect();
      if (!resumed) {
        location.reload();
      }
    } catch {
      timer = setTimeout(retry, 5000);
    }
  };

  new MutationObserver(() => {
    clearTimeout(timer);
    if (banner.classList.contains("components-reconnect-rejected")) {
      location.reload();
    } else if (banner.classList.contains("components-reconnect-failed")) {
      timer = setTimeout(retry, 3000);
    }
  }).observe(banner, { attributes: true, attributeFilter: ["class"] });

  banner.querySelector("[data-reconnect-now]")?.addEventListener("click", retry);
})();
