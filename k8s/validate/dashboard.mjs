// Checks a Grafana dashboard (k8s/monitoring/dashboard.json) before Grafana's sidecar loads it: it parses, has a uid, a
// title and a schemaVersion, unique panel ids, every panel a datasource and queries, and every query is PromQL that
// Prometheus parses (each wrapped as a recording rule and given to `promtool check rules`) and reads only metrics
// something exports (metrics.mjs). Grafana's variables are replaced by sample values first.
// Usage: node k8s/validate/dashboard.mjs k8s/monitoring/dashboard.json   (needs promtool on the PATH)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { isKnownMetric, metricNames } from "./metrics.mjs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node dashboard.mjs <dashboard.json>");
  process.exit(2);
}
let dashboard;
try {
  dashboard = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  console.error(`${file}: ${e.message}`);
  process.exit(1);
}
const problems = [];
if (typeof dashboard.uid !== "string" || !/^[\w-]{1,40}$/.test(dashboard.uid)) problems.push("no uid (40 characters at most)");
if (!dashboard.title) problems.push("no title");
if (!Number.isInteger(dashboard.schemaVersion)) problems.push("no schemaVersion");

const variables = dashboard.templating?.list ?? [];
// Grafana's interval variables become a range; the dashboard's own become a sample value (inside label matchers).
const substitute = (expr) => expr
  .replace(/\$__(rate_interval|interval|range)|\$\{__(rate_interval|interval|range)\}/g, "5m")
  .replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a, b) => (variables.some((v) => v.name === (a ?? b)) ? "sample" : whole));

const queries = []; // {where, record, expr}
for (const v of variables.filter((v) => v.type === "query")) {
  const query = typeof v.query === "string" ? v.query : v.query?.query;
  const selector = /^label_values\((.+),\s*\w+\)$/.exec(query ?? "")?.[1];
  if (!v.datasource) problems.push(`variable ${v.name}: no datasource`);
  if (selector) queries.push({ where: `variable ${v.name}`, record: `dashboard:variable_${v.name}`, expr: selector });
  else if (query && !/^label_values\(\w+\)$/.test(query)) problems.push(`variable ${v.name}: not a label_values query`);
}
const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
const ids = new Set();
for (const panel of panels) {
  const where = `panel ${panel.id} "${panel.title}"`;
  if (ids.has(panel.id)) problems.push(`${where}: id used twice`);
  ids.add(panel.id);
  if (panel.type === "row") continue;
  if (!panel.datasource?.uid) problems.push(`${where}: no datasource`);
  if (!(panel.targets?.length > 0)) problems.push(`${where}: no targets`);
  for (const t of panel.targets ?? []) {
    if (typeof t.expr !== "string" || t.expr.trim() === "") {
      problems.push(`${where} query ${t.refId}: no expr`);
      continue;
    }
    queries.push({ where: `${where} query ${t.refId}`, record: `dashboard:panel_${panel.id}_${t.refId}`, expr: t.expr });
  }
}
for (const q of queries) {
  for (const name of metricNames(substitute(q.expr))) {
    if (!isKnownMetric(name)) problems.push(`${q.where}: ${name} is no metric the system exports`);
  }
}

const dir = mkdtempSync(join(tmpdir(), "dashboard-"));
try {
  const rules = join(dir, "dashboard.rules.yaml");
  writeFileSync(rules, yaml.dump({ groups: [{ name: "dashboard", rules: queries.map((q) => ({ record: q.record, expr: substitute(q.expr) })) }] }, { lineWidth: -1 }));
  execFileSync("promtool", ["check", "rules", rules], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
} catch (e) {
  if (e.code === "ENOENT") problems.push("promtool is not on the PATH (Debian's prometheus package)");
  // promtool names the recording rule, dashboard:panel_<id>_<refId>, of each expression it cannot parse.
  else problems.push(`promtool check rules:\n${e.stdout}${e.stderr}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${file}: ${panels.filter((p) => p.type !== "row").length} panels, ${queries.length} queries, ${problems.length} problem(s)`);
for (const p of problems) console.log(`  ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
