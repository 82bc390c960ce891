// The metric names the alerts and the dashboard may read: what the services export on their management port
// (docs/runbook.md, "Alerts"), Quarkus' standard HTTP, JVM and process meters, kube-state-metrics' readiness and
// Prometheus' own `up`. A name outside these is a typo or a metric nobody exports, and would stay silent.
const exported = new Set([
  "oversight_outbox_pending", "oversight_outbox_oldest_pending_age_seconds", "oversight_inbox_duplicates_skipped_total",
  "oversight_consumer_failed_total", "oversight_consumer_batch_deliveries_count", "oversight_consumer_batch_deliveries_sum",
  "oversight_overdue_visits", "oversight_overdue_risk_reviews", "oversight_overdue_visit_oldest_days",
  "oversight_offenders_in_scope", "oversight_notifications", "oversight_webhook_subscriptions_disabled", "oversight_dead_letters",
  "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
  "http_server_requests_seconds_bucket",
  "kube_deployment_status_replicas_available", "kube_deployment_spec_replicas", "kube_pod_status_ready", "up",
]);
const standardPrefixes = ["jvm_", "process_"];

export function isKnownMetric(name) {
  return exported.has(name) || standardPrefixes.some((p) => name.startsWith(p));
}

const keywords = new Set(["and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left",
  "group_right", "inf", "nan", "start", "end"]);

/** The metric names a PromQL expression reads (a lexical scan: label matchers, ranges and grouping labels removed). */
export function metricNames(expr) {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ")
    .replace(/\boffset\s+-?[\dsmhdwy]+/g, " ");
  const names = [];
  for (const m of bare.matchAll(/(?<![\w.:])[a-zA-Z_:][\w:]*/g)) {
    const isFunction = bare.slice(m.index + m[0].length).trimStart().startsWith("(");
    if (!isFunction && !keywords.has(m[0].toLowerCase())) names.push(m[0]);
  }
  return names;
}
