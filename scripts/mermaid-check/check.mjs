// Parses Mermaid files with Mermaid's own parser (the `mermaid` package,
// pinned in package.json and package-lock.json) and prints one JSON line a
// file: {"path": ..., "ok": true, "nodes": N, "edges": N, "subgraphs": N}
// or {"path": ..., "ok": false, "error": "..."}. Mermaid's parser needs a
// DOM for its sanitizer; jsdom provides one. Usage: node check.mjs FILE...
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;

let failed = false;
for (const path of process.argv.slice(2)) {
  try {
    const text = readFileSync(path, 'utf8');
    await mermaid.parse(text);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    console.log(JSON.stringify({
      path, ok: true,
      nodes: db.getVertices().size, edges: db.getEdges().length, subgraphs: db.getSubGraphs().length,
    }));
  } catch (error) {
    failed = true;
    console.log(JSON.stringify({ path, ok: false, error: String(error.message ?? error) }));
  }
}
process.exit(failed ? 1 : 0);
