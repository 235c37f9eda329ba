// Reads history as the reader nears either end of what is loaded, keeps the message they were reading where it
// was while a page is put above or taken away, and tells the page when the reader is far from the newest message.
// One chat list per page, so one instance; a new list replaces the old one's.
let current = null;

// The list is found again when its reference went stale (the page re-rendered while this script loaded).
export function init(reference, page, target) {
  current?.dispose();
  current = null;
  const list = reference?.isConnected ? reference : document.querySelector("[data-history]");
  if (!list) {
    return;
  }

  current = new History(list, page);
  current.start(target);
  window.chatRows?.connect(page);
}

// After the page rendered what it read: "page" (a page of messages), "end" (jump to latest) or "reveal" (a message).
// This call may come in the same task as the render batch before it, ahead of the mutation callbacks: the rows it
// added are still empty then (message-rows.js fills them), and a place kept now would move by all their content.
export function settle(how, target) {
  queueMicrotask(() => current?.settle(how, target));
}

export function dispose() {
  current?.dispose();
  current = null;
  window.chatRows?.connect(null);
}

// While a page loads, the list keeps the reader's place itself and the browser's scroll anchoring is off, so the two
// never correct the same change; the rest of the time the browser's keeps it (rows filled late, a row above that grows).
const anchoring = (on) => { document.documentElement.style.overflowAnchor = on ? "" : "none"; };
const farUp = () => document.documentElement.scrollHeight - (window.scrollY + window.innerHeight) > 1.5 * window.innerHeight;

class History {
  constructor(list, page) {
    this.list = list;
    this.page = page;
    this.anchor = null;
    this.pending = false;
    this.near = { top: false, bottom: false };
    this.away = false;
    // Which way the reader last scrolled: the window keeps two pages, so on a tall screen with short messages both
    // ends can be near at once, and loading one end drops the other; the far end loads only once they head there.
    this.heading = null;
    this.lastY = window.scrollY;
    this.listeners = new AbortController();
  }

  // Without a target the page is where the composer's follow put it (at the newest message) or where the reader went
  // since: this script loads after the list shows, and scrolling to the end here would undo a reader's scroll up.
  start(target) {
    if (target) {
      this.reveal(target);
    }

    this.top = this.list.querySelector("[data-sentinel=top]");
    this.bottom = this.list.querySelector("[data-sentinel=bottom]");
    this.intersections = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: "800px 0px" });
    this.intersections.observe(this.top);
    this.intersections.observe(this.bottom);

    // Mutation callbacks run before the browser paints, so a page put above never shows the reader a jump.
    this.mutations = new MutationObserver(() => this.keepPlace());
    this.mutations.observe(this.list, { childList: true });
    window.addEventListener("scroll", () => this.onScroll(), { passive: true, signal: this.listeners.signal });
    this.onScroll();
  }

  onIntersect(entries) {
    for (const entry of entries) {
      this.near[entry.target === this.top ? "top" : "bottom"] = entry.isIntersecting;
    }

    if (!this.pending && this.near.top && this.heading !== "down") {
      this.load("top", true);
    } else if (!this.pending && this.near.bottom && this.heading !== "up") {
      this.load("bottom", true);
    }
  }

  // Nothing to read at one end may still leave the other near (a short range): that one is tried once.
  async load(end, tryOther) {
    this.pending = true;
    anchoring(false);
    this.anchor = this.firstVisible();
    let read = false;
    try {
      read = await this.page.invokeMethodAsync(end === "top" ? "NearTopAsync" : "NearBottomAsync");
    } catch {
      // The circuit is gone; the page says so itself.
    }

    if (!read) {
      this.anchor = null;
      this.pending = false;
      anchoring(true);
      const other = end === "top" ? "bottom" : "top";
      if (tryOther && this.near[other]) {
        this.load(other, false);
      }
    }
  }

  settle(how, target) {
    if (how === "reveal" && target) {
      this.heading = null;
      this.release();
      this.reveal(target);
    } else if (how === "end") {
      this.heading = null;
      this.release();
      window.scrollTo({ top: document.documentElement.scrollHeight });
    } else {
      this.keepPlace();
      this.release();
    }
  }

  // Looks at both ends again: after a page the reader may still be near one, and no new intersection would say so.
  release() {
    this.anchor = null;
    this.pending = false;
    anchoring(true);
    if (this.intersections) {
      this.intersections.unobserve(this.top);
      this.intersections.unobserve(this.bottom);
      this.intersections.observe(this.top);
      this.intersections.observe(this.bottom);
    }
  }

  reveal(sequence) {
    const message = this.list.querySelector(`[data-testid=message][data-sequence="${sequence}"]`);
    if (message) {
      // The composer follows the newest message only until the reader goes elsewhere; this is elsewhere.
      window.dispatchEvent(new Event("chat:reading"));
      message.scrollIntoView({ block: "center" });
    }
  }

  // Where the first message in view sits in the document: messages put above it (or taken away) move it by as
  // much as the page must scroll, however the reader scrolled meanwhile.
  firstVisible() {
    for (const message of this.list.querySelectorAll("[data-testid=message]")) {
      const top = message.getBoundingClientRect().top;
      if (top >= 0) {
        return { sequence: message.dataset.sequence, offset: top + window.scrollY };
      }
    }

    return null;
  }

  keepPlace() {
    if (!this.anchor) {
      return;
    }

    const message = this.list.querySelector(`[data-testid=message][data-sequence="${this.anchor.sequence}"]`);
    if (message) {
      const offset = message.getBoundingClientRect().top + window.scrollY;
      const moved = offset - this.anchor.offset;
      if (moved !== 0) {
        this.anchor.offset = offset;
        window.scrollBy(0, moved);
        // Our own correction, not the reader's: it says nothing of where they are heading.
        this.lastY = window.scrollY;
      }
    }
  }

  onScroll() {
    const moved = window.scrollY - this.lastY;
    this.lastY = window.scrollY;
    const heading = moved < 0 ? "up" : moved > 0 ? "down" : this.heading;
    if (heading !== this.heading) {
      // Turning round while already near the other end gets no new intersection: look again.
      this.heading = heading;
      this.onIntersect([]);
    }

    const away = farUp();
    if (away !== this.away) {
      this.away = away;
      this.page.invokeMethodAsync("SetAway", away).catch(() => { });
    }
  }

  dispose() {
    this.listeners.abort();
    this.intersections?.disconnect();
    this.mutations?.disconnect();
    anchoring(true);
  }
}
