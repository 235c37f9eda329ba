// The listed messages' HTML is kept here, not in the server's render tree (ListedRows): a row names the version of its
// bubble and of the line under it ("sequence:body:meta" in data-row), and the server sends each version's HTML once,
// just before the render that names it. A row is filled as soon as it appears, before the browser paints. A version
// that never came (sent while the connection was down) is asked for again once the list's script is connected.
// Loaded with the page: the first interactive render sends rows before any module could load.
(() => {
  // "sequence:part" -> { version, html }: the newest version sent of each part not yet shown.
  const waiting = new Map();
  const maxWaiting = 1000;
  const missing = new Set();
  // Where each part sits in a row: the bubble first, the line under it last (after the editor, when one is open).
  const parts = {
    body: { selector: ":scope > article.message", place: (row, node) => row.prepend(node) },
    meta: { selector: ":scope > .message-meta", place: (row, node) => row.append(node) },
  };
  let list = null;
  let asking = false;

  // The parts' names in one string ("sequence:part:version" each, space-separated), then their HTML: see RowsScript.
  function put(names, ...htmls) {
    if (!names) {
      return;
    }

    const slots = names.split(" ").map((name, i) => {
      const [sequence, part, version] = name.split(":");
      return { sequence: Number(sequence), part, version: Number(version), html: htmls[i] };
    });
    for (const slot of slots) {
      const key = `${slot.sequence}:${slot.part}`;
      const known = waiting.get(key);
      if (!known || known.version < slot.version) {
        waiting.set(key, { version: slot.version, html: slot.html });
      }
      if (waiting.size > maxWaiting) {
        waiting.delete(waiting.keys().next().value);
      }
    }

    for (const sequence of new Set(slots.map((slot) => slot.sequence))) {
      const row = document.querySelector(`[data-row^="${sequence}:"]`);
      if (row) {
        fill(row);
      }
    }
  }

  function fill(row) {
    const [sequence, body, meta] = row.dataset.row.split(":");
    fillPart(row, sequence, "body", body);
    fillPart(row, sequence, "meta", meta);
  }

  // The version shown is kept on the row: the server renders only its own attributes and leaves this one alone.
  function fillPart(row, sequence, part, version) {
    const shown = `${part}Shown`;
    if (row.dataset[shown] === version) {
      return;
    }

    const key = `${sequence}:${part}`;
    const known = waiting.get(key);
    if (known && known.version === Number(version)) {
      waiting.delete(key);
      // Safe as markup: the server made it (MessageHtml), the user's text encoded and a reply's Markdown sanitised.
      const template = document.createElement("template");
      template.innerHTML = known.html;
      row.querySelector(parts[part].selector)?.remove();
      if (template.content.firstElementChild) {
        parts[part].place(row, template.content.firstElementChild);
      }
      row.dataset[shown] = version;
    } else if (!known || known.version < Number(version)) {
      missing.add(Number(sequence));
      queueMicrotask(askAgain);
    }
  }

  async function askAgain() {
    if (asking || !list || missing.size === 0) {
      return;
    }

    asking = true;
    const sequences = [...missing];
    missing.clear();
    try {
      put(...await list.invokeMethodAsync("RowsAgain", sequences));
    } catch {
      // The circuit is gone: the page says so itself, and a new one renders every row again.
    } finally {
      asking = false;
    }

    if (missing.size > 0) {
      queueMicrotask(askAgain);
    }
  }

  function fillWithin(node) {
    if (node.matches("[data-row]")) {
      fill(node);
    }

    for (const row of node.querySelectorAll("[data-row]")) {
      fill(row);
    }
  }

  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes") {
        fill(record.target);
        continue;
      }

      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          fillWithin(node);
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-row"] });

  window.chatRows = {
    put,
    // The list's script hands over the component that answers for rows missed; null when the list goes.
    connect(component) {
      list = component;
      if (list) {
        fillWithin(document.body);
        queueMicrotask(askAgain);
      }
    },
  };
})();
