// Renders each overlay with `kubectl kustomize` and checks, offline:
//  1. every object against its schema: Kubernetes from kubernetes-models, CloudNativePG's Cluster from
//     @kubernetes-models/cloudnative-pg, the Prometheus Operator's PodMonitor and PrometheusRule from
//     @kubernetes-models/prometheus-operator; an object of a kind with no schema here fails;
//  2. the deployment rules of SPEC section 7: probes, requests and limits, non-root read-only containers, a
//     PodDisruptionBudget and a HorizontalPodAutoscaler per service, default-deny NetworkPolicies that cover every
//     pod, only the gateway behind the Ingress, references to ConfigMaps and Secrets that exist (or are provided
//     outside the repository, as listed per overlay), images from a registry and never `latest`;
//  3. monitoring: a PodMonitor per service scraping its port `management`, which a NetworkPolicy of the pod opens to
//     namespace monitoring (where Prometheus runs), and no Service exposing that port.
// Usage: node k8s/validate/validate.mjs [overlay ...]   (default: every folder under k8s/overlays)
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import * as k8s from "kubernetes-models";
import * as cnpg from "@kubernetes-models/cloudnative-pg";
import * as prometheusOperator from "@kubernetes-models/prometheus-operator";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Secrets that exist in the cluster without being rendered: made by the CloudNativePG operator for each Cluster
// (<cluster>-app), or created from the force's secret store before a production deployment (docs/deployment.md).
// assurance-service's identity key (assurance-identity) is never in the repository, not even for dev.
const externalSecrets = {
  prod: ["oversight-broker", "oversight-broker-offender-service", "oversight-broker-visit-scheduler",
    "oversight-broker-notification-service", "oversight-broker-audit-service", "oversight-broker-assurance-service",
    "oversight-broker-users", "oversight-smtp", "oversight-tls", "assurance-identity", "web-app-oidc", "web-app-session"],
  dev: ["oversight-tls", "assurance-identity"],
};
const services = ["api-gateway", "offender-service", "visit-scheduler", "notification-service", "audit-service",
  "assurance-service", "web-app"];

function camel(group) {
  return group.split(".").map((part, i) => (i === 0 ? part : part[0].toUpperCase() + part.slice(1))).join("");
}

function model(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  if (group === "postgresql.cnpg.io") {
    return cnpg.postgresqlCnpgIo[version]?.[kind];
  }
  if (group === "monitoring.coreos.com") {
    return prometheusOperator.monitoringCoreosCom[version]?.[kind];
  }
  const module = group === null ? k8s[version] : k8s[camel(group)]?.[version];
  return module?.[kind];
}

function validateOverlay(overlay) {
  const problems = [];
  const rendered = execFileSync("kubectl", ["kustomize", join(root, "overlays", overlay)], { encoding: "utf8" });
  const objects = yaml.loadAll(rendered).filter(Boolean);
  const named = (kind) => objects.filter((o) => o.kind === kind);
  const id = (o) => `${o.kind}/${o.metadata?.name}`;

  // kubectl kustomize folds long base64 values of a Secret's data over several lines; the API server reads them as
  // one (Go's base64 decoder skips line breaks), and so does this check.
  for (const secret of named("Secret")) {
    for (const [key, value] of Object.entries(secret.data ?? {})) {
      secret.data[key] = String(value).replace(/\s+/g, "");
    }
  }

  // 1. Schemas.
  for (const object of objects) {
    const Model = model(object.apiVersion, object.kind);
    if (!Model) {
      problems.push(`${id(object)}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (e) {
      problems.push(`${id(object)}: ${e.message}`);
    }
  }

  // 2. Rules.
  const workloads = [...named("Deployment"), ...named("StatefulSet")];
  const configMaps = new Set(named("ConfigMap").map((o) => o.metadata.name));
  const secrets = new Set([...named("Secret").map((o) => o.metadata.name),
    ...named("Cluster").map((o) => `${o.metadata.name}-app`), ...(externalSecrets[overlay] ?? [])]);
  for (const w of workloads) {
    const pod = w.spec.template.spec;
    if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${id(w)}: pod must set runAsNonRoot: true`);
    if (pod.automountServiceAccountToken !== false) problems.push(`${id(w)}: must not mount a service-account token`);
    for (const c of pod.containers) {
      const where = `${id(w)} container ${c.name}`;
      if (c.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${where}: root file system must be read-only`);
      if (c.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${where}: must forbid privilege escalation`);
      if (!c.securityContext?.capabilities?.drop?.includes("ALL")) problems.push(`${where}: must drop all capabilities`);
      for (const k of ["cpu", "memory"]) {
        if (!c.resources?.requests?.[k]) problems.push(`${where}: no ${k} request`);
      }
      if (!c.resources?.limits?.memory) problems.push(`${where}: no memory limit`);
      for (const p of ["livenessProbe", "readinessProbe", "startupProbe"]) {
        if (!c[p]) problems.push(`${where}: no ${p}`);
      }
      if (!c.image.includes("/") || c.image.endsWith(":latest") || !c.image.includes(":")) {
        problems.push(`${where}: image ${c.image} must name a registry path and a fixed tag`);
      }
      if (services.includes(w.metadata.name) && !c.image.includes(".")) {
        problems.push(`${where}: image ${c.image} still has the base's placeholder name; set it in the overlay's images`);
      }
      for (const e of c.envFrom ?? []) {
        if (e.configMapRef && !configMaps.has(e.configMapRef.name)) problems.push(`${where}: no ConfigMap ${e.configMapRef.name}`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref && !secrets.has(ref.name)) problems.push(`${where}: no Secret ${ref.name} (env ${e.name})`);
      }
      const volumes = new Set([...(pod.volumes ?? []), ...(w.spec.volumeClaimTemplates ?? []).map((t) => t.metadata)]
        .map((v) => v.name));
      for (const m of c.volumeMounts ?? []) {
        if (!volumes.has(m.name)) problems.push(`${where}: mounts ${m.name}, which is no volume of the pod`);
      }
      // A file the service reads (a *_LOCATION that is a path, such as a key) is on a mounted volume: the root file
      // system is read-only and holds nothing of the deployment's.
      for (const e of c.env ?? []) {
        const path = e.name.endsWith("_LOCATION") ? e.value?.replace(/^file:/, "") : undefined;
        if (path?.startsWith("/") && !(c.volumeMounts ?? []).some((m) => path.startsWith(`${m.mountPath.replace(/\/$/, "")}/`))) {
          problems.push(`${where}: ${e.name} ${path} is on no mounted volume`);
        }
      }
    }
    for (const v of pod.volumes ?? []) {
      if (v.secret && !secrets.has(v.secret.secretName)) problems.push(`${id(w)}: no Secret ${v.secret.secretName} (volume ${v.name})`);
      if (v.configMap && !configMaps.has(v.configMap.name)) problems.push(`${id(w)}: no ConfigMap ${v.configMap.name} (volume ${v.name})`);
    }
  }
  for (const name of services) {
    const selects = (o) => o.spec?.selector?.matchLabels?.["app.kubernetes.io/name"] === name;
    if (!named("Deployment").some((o) => o.metadata.name === name)) problems.push(`no Deployment ${name}`);
    if (!named("PodDisruptionBudget").some(selects)) problems.push(`no PodDisruptionBudget for ${name}`);
    if (!named("HorizontalPodAutoscaler").some((o) => o.spec.scaleTargetRef.name === name)) {
      problems.push(`no HorizontalPodAutoscaler for ${name}`);
    }
  }
  const policies = named("NetworkPolicy");
  const defaultDeny = policies.find((p) => Object.keys(p.spec.podSelector ?? {}).length === 0
    && p.spec.policyTypes?.includes("Ingress") && p.spec.policyTypes?.includes("Egress") && !p.spec.ingress && !p.spec.egress);
  if (!defaultDeny) problems.push("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
  for (const w of workloads) {
    const labels = w.spec.template.metadata.labels;
    const specific = (p) => Object.keys(p.spec.podSelector?.matchLabels ?? {}).length > 0
      || (p.spec.podSelector?.matchExpressions ?? []).length > 0;
    const covered = policies.some((p) => specific(p) && Object.entries(p.spec.podSelector?.matchLabels ?? {})
      .every(([k, v]) => labels[k] === v) && (p.spec.podSelector?.matchExpressions ?? [])
      .every((e) => e.operator === "In" && e.values.includes(labels[e.key])));
    if (!covered) problems.push(`${id(w)}: no NetworkPolicy of its own selects it, so it can reach nothing`);
  }
  // Only the gateway takes traffic from outside the namespace's own pods (the ingress controller and monitoring).
  for (const p of policies) {
    for (const rule of p.spec.ingress ?? []) {
      for (const from of rule.from ?? []) {
        if (from.ipBlock) problems.push(`${id(p)}: ingress from an address block; only the Ingress controller may reach in`);
        const ns = from.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"];
        if (ns === "ingress-nginx" && p.spec.podSelector?.matchLabels?.["app.kubernetes.io/name"] !== "api-gateway") {
          problems.push(`${id(p)}: only the gateway may be reached from the Ingress controller`);
        }
      }
    }
  }
  for (const ingress of named("Ingress")) {
    for (const rule of ingress.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        if (path.backend.service?.name !== "api-gateway") problems.push(`${id(ingress)}: routes to ${path.backend.service?.name}`);
      }
    }
    if (!(ingress.spec.tls?.length > 0)) problems.push(`${id(ingress)}: no TLS`);
  }
  for (const service of named("Service")) {
    const selector = service.spec.selector ?? {};
    const matches = workloads.some((w) => Object.entries(selector).every(([k, v]) => w.spec.template.metadata.labels[k] === v));
    if (!matches) problems.push(`${id(service)}: selects no workload`);
  }

  // 3. Monitoring: Prometheus reads each service's management port, and only Prometheus does.
  for (const name of services) {
    const deployment = named("Deployment").find((o) => o.metadata.name === name);
    const monitor = named("PodMonitor").find((o) => o.spec.selector?.matchLabels?.["app.kubernetes.io/name"] === name);
    if (!deployment || !monitor) {
      if (!monitor) problems.push(`no PodMonitor for ${name}`);
      continue;
    }
    const ports = deployment.spec.template.spec.containers.flatMap((c) => c.ports ?? []);
    const management = ports.find((p) => p.name === "management");
    for (const e of monitor.spec.podMetricsEndpoints ?? []) {
      if (e.port !== "management" || e.path !== "/q/metrics") problems.push(`${id(monitor)}: must scrape port management, path /q/metrics`);
    }
    if (!management) {
      problems.push(`${id(deployment)}: no container port named management for its PodMonitor`);
      continue;
    }
    const labels = deployment.spec.template.metadata.labels;
    const admitsPrometheus = policies.some((p) => Object.entries(p.spec.podSelector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v)
      && Object.keys(p.spec.podSelector?.matchLabels ?? {}).length > 0
      && (p.spec.ingress ?? []).some((rule) => (rule.from ?? []).some((f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring")
        && (rule.ports ?? []).some((port) => port.port === management.containerPort || port.port === "management")));
    if (!admitsPrometheus) problems.push(`${id(deployment)}: no NetworkPolicy admits namespace monitoring to port ${management.containerPort}`);
    for (const service of named("Service").filter((s) => s.spec.selector?.["app.kubernetes.io/name"] === name)) {
      if ((service.spec.ports ?? []).some((p) => p.targetPort === "management" || p.targetPort === management.containerPort)) {
        problems.push(`${id(service)}: exposes the management port (health and metrics are for the probes and Prometheus only)`);
      }
    }
  }
  return { objects: objects.length, problems };
}

const overlays = process.argv.length > 2 ? process.argv.slice(2)
  : readdirSync(join(root, "overlays"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
let failed = false;
for (const overlay of overlays) {
  const { objects, problems } = validateOverlay(overlay);
  console.log(`${overlay}: ${objects} objects, ${problems.length} problem(s)`);
  for (const problem of problems) console.log(`  ${problem}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
