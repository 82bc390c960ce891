// Prints the spec of a PrometheusRule (k8s/monitoring/alerts.yaml) as a plain Prometheus rules file, the form
// `promtool check rules` and `promtool test rules` read, after checking that every alert has a severity, a summary,
// a description and a runbook_url naming a heading of docs/runbook.md, and reads only metrics something exports.
// Usage: node k8s/validate/prometheus-rules.mjs k8s/monitoring/alerts.yaml > alerts.rules.yaml
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { isKnownMetric, metricNames } from "./metrics.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const source = process.argv[2];
if (!source) {
  console.error("usage: node prometheus-rules.mjs <PrometheusRule file>");
  process.exit(2);
}
const rule = yaml.load(readFileSync(source, "utf8"));
if (rule?.apiVersion !== "monitoring.coreos.com/v1" || rule.kind !== "PrometheusRule") {
  console.error(`${source}: not a monitoring.coreos.com/v1 PrometheusRule`);
  process.exit(1);
}

// GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens.
const anchors = new Set(readFileSync(join(root, "docs", "runbook.md"), "utf8").split("\n")
  .filter((line) => /^#{1,6} /.test(line))
  .map((line) => line.replace(/^#+ /, "").trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-")));
const problems = [];
for (const group of rule.spec.groups) {
  for (const r of group.rules) {
    for (const name of metricNames(String(r.expr))) {
      if (!isKnownMetric(name)) problems.push(`${r.alert ?? r.record}: ${name} is no metric the system exports`);
    }
    if (!r.alert) continue;
    if (!["critical", "warning"].includes(r.labels?.severity)) problems.push(`${r.alert}: severity must be critical or warning`);
    for (const a of ["summary", "description", "runbook_url"]) {
      if (!r.annotations?.[a]) problems.push(`${r.alert}: no ${a} annotation`);
    }
    const anchor = /\/docs\/runbook\.md#([\w-]+)$/.exec(r.annotations?.runbook_url ?? "")?.[1];
    if (r.annotations?.runbook_url && !anchors.has(anchor)) {
      problems.push(`${r.alert}: runbook_url ${r.annotations.runbook_url} names no heading of docs/runbook.md`);
    }
  }
}
if (problems.length > 0) {
  for (const p of problems) console.error(`${source}: ${p}`);
  process.exit(1);
}
process.stdout.write(yaml.dump(rule.spec, { lineWidth: -1 }));
