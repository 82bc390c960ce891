// Validates an AsyncAPI document (docs/events.asyncapi.yaml) with the AsyncAPI initiative's own parser: the document
// against the AsyncAPI 3 schema, every $ref resolved, and the parser's built-in Spectral rules. Any error fails; so
// does any warning, as with the OpenAPI document.
// Usage: node .ci/lint/asyncapi-validate.mjs docs/events.asyncapi.yaml
import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";

const file = process.argv[2] ?? "docs/events.asyncapi.yaml";
const parser = new Parser();
const { document, diagnostics } = await parser.parse(readFileSync(file, "utf8"), { source: file });
const severities = ["error", "warning", "info", "hint"];
let failed = document === undefined;
for (const d of diagnostics) {
  const severity = severities[d.severity] ?? String(d.severity);
  const where = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : "";
  console.log(`${file}:${where} ${severity} ${d.code}: ${d.message} (${(d.path ?? []).join(".")})`);
  if (d.severity <= 1) {
    failed = true;
  }
}
if (failed) {
  console.error(`${file}: not a valid AsyncAPI document`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()}, ${document.channels().length} channels, `
  + `${document.operations().length} operations, ${document.messages().length} messages`);
