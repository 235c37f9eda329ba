// The sign-in token travels in the link's fragment, which browsers never send: no proxy or server log sees it.
// The page copies it into its form, which posts it, and drops it from the address bar.
(() => {
    const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
    const field = document.querySelector('input[name=Token]');
    if (match && field && !field.value) {
        field.value = match[1];
        history.replaceState(null, '', location.pathname + location.search);
    }
})();
