// What colouring costs the browser per reply, with the highlight.js the page loads: node runs the same V8
// engine as Chromium. Whole: every block of the reply once (a listed message). Streamed: the page colours
// the growing block again on every 4-character delta; finished blocks come from the module's cache.
// Usage: node bench/RenderCost/highlight-cost.mjs
import { readdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "../../src/Frontend/wwwroot/vendor/highlight.js");
const hljs = (await import(join(vendor, "highlight.min.js"))).default;
hljs.registerLanguage("powershell", (await import(join(vendor, "languages/powershell.min.js"))).default);
hljs.registerLanguage("dockerfile", (await import(join(vendor, "languages/dockerfile.min.js"))).default);

const deltaChars = 4;
const colour = (language, code) => hljs.getLanguage(language) && hljs.highlight(code, { language, ignoreIllegals: true }).value;

function blocksOf(text) {
  return [...text.matchAll(/```(\w+)\n([\s\S]*?)\n```/g)].map((m) => ({ language: m[1], code: m[2], at: m.index }));
}

function whole(blocks) {
  for (const b of blocks) colour(b.language, b.code);
}

// Each delta ends inside at most one block: the one still streaming is coloured again, as the page does.
function streamed(text, blocks) {
  for (let end = deltaChars; end < text.length + deltaChars; end += deltaChars) {
    const shown = Math.min(end, text.length);
    const open = blocks.find((b) => b.at < shown && shown <= b.at + 4 + b.language.length + b.code.length);
    if (open) {
      const start = open.at + 4 + open.language.length;
      colour(open.language, open.code.slice(0, shown - start));
    }
  }
}

function best(runs, calls, action) {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) action();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1000 / calls);
  }
  return best;
}

console.log("| reply | blocks | highlight.js whole, µs (best) | highlight.js streamed, ms (best) |");
console.log("|---|--:|--:|--:|");
for (const file of readdirSync(join(here, "Replies")).sort()) {
  const text = readFileSync(join(here, "Replies", file), "utf8");
  const blocks = blocksOf(text);
  for (let i = 0; i < 200; i++) whole(blocks);
  for (let i = 0; i < 5; i++) streamed(text, blocks);
  const w = best(15, 100, () => whole(blocks));
  const s = best(5, 1, () => streamed(text, blocks)) / 1000;
  console.log(`| ${file.replace(/\.md$/, "")} | ${blocks.length} | ${w.toFixed(1)} | ${s.toFixed(1)} |`);
}
