// A force integrator's workflow with the TypeScript client that OpenAPI Generator (typescript-fetch) makes from
// docs/openapi.json alone: no hand-written types, no `!` on fields the document says are there, problems as typed
// values. GeneratedTypeScriptClientIT compiles it with tsc --strict and runs it against the system-test stack.
import {
  BASE_PATH, AreasApi, ComplianceApi, Configuration, OffendersApi, OffenderRequest, Problem, ProblemFromJSON, ResponseError,
  RiskLevel, StaffApi, StaffRole, VisitsApi, VisitType, VisitOutcome,
} from "./client";

// Node.js's process, as far as this workflow uses it (no @types/node needed).
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function as(token: string): Configuration {
  // The environment's address, as an integrator points a client at theirs; the document's default is the local stack.
  return new Configuration({ basePath: env("OVERSIGHT_API_BASE"), accessToken: async () => token });
}

/** The PNC check letter of a year and serial (docs/domain.md). */
function pnc(year: number, serial: number): string {
  const letters = "ZABCDEFGHJKLMNPQRTUVWXY";
  const digits = String(year % 100).padStart(2, "0") + String(serial).padStart(7, "0");
  return `${year}/${String(serial).padStart(7, "0")}${letters[Number(BigInt(digits) % 23n)]}`;
}

/** The problem a refused call answered with, typed. */
async function problemOf(call: () => Promise<unknown>): Promise<Problem> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ResponseError) {
      return ProblemFromJSON(await error.response.json());
    }
    throw error;
  }
  throw new Error("the call was expected to be refused");
}

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`not so: ${what}`);
  }
}

async function main(): Promise<void> {
  // The document's default server is the gateway of `./oversight up`: against a local stack no base path is needed.
  check(BASE_PATH === "http://localhost:8080", `the default base path is the local gateway: ${BASE_PATH}`);
  const area = env("OVERSIGHT_AREA");
  const admin = as(env("OVERSIGHT_ADMIN_TOKEN"));
  const integration = as(env("OVERSIGHT_INTEGRATION_TOKEN"));
  const manager = as(env("OVERSIGHT_MANAGER_TOKEN"));

  await new AreasApi(admin).createArea({ areaRequest: { code: area, name: `TypeScript client ${area}` } });
  const staffNumber = `TS-${area}`;
  const officer = await new StaffApi(admin).createStaff({ staffRequest: {
    staffNumber, name: `DC ${area}`, email: `dc.${area.toLowerCase()}@force.example`, role: StaffRole.OffenderManager, areaCode: area,
  } });

  const serial = Number(env("OVERSIGHT_SERIAL"));
  const items: OffenderRequest[] = [0, 1].map((i) => ({
    pncId: pnc(2011, serial + i), firstName: "Robin", lastName: `Client${serial + i}`, dateOfBirth: new Date("1981-05-06"),
    address: { line1: "7 Generator Lane", town: "Bath", postcode: "BA1 2AB" }, mappaCategory: 1, mappaLevel: 1,
    riskLevel: RiskLevel.High, areaCode: area, managerId: officer.id, registeredOn: new Date("2020-02-01"),
  }));
  const batch = await new OffendersApi(integration).upsertOffenders({ offenderBatchRequest: { items } });
  check(batch.created === 2 && batch.rejected === 0, `two created: ${JSON.stringify(batch)}`);

  const offenders = new OffendersApi(manager);
  const page = await offenders.listOffenders({ areaCode: area, sort: "lastName,asc" });
  check(page.totalItems === 2 && page.items.length === 2, "the manager sees both");
  const first = page.items[0];
  // The canonical PNC id, slash and all, as the generated client sends it (percent-encoded).
  const found = await offenders.getOffenderByPnc({ pncId: first.pncId });
  check(found.id === first.id && found.address.postcode === "BA1 2AB", "found by its canonical PNC id");

  const visit = await new VisitsApi(manager).recordVisit({ visitRequest: {
    offenderId: first.id, visitDate: new Date("2022-06-14"), type: VisitType.HomeVisit, outcome: VisitOutcome.Completed,
    announced: false, officerId: officer.id,
  } });
  check(visit.offenderId === first.id && visit.recordedAt instanceof Date, "the visit is recorded");

  const schedule = await new ComplianceApi(manager).getSchedule({ offenderId: first.id, asOf: new Date("2022-06-30") });
  check(schedule.lastVisitOn !== undefined && schedule.intervalMonths === 3 && !schedule.overdue, `scheduled: ${JSON.stringify(schedule)}`);

  const stale = await problemOf(() => offenders.updateOffender({ id: first.id, ifMatch: "\"999\"", offenderPatch: { firstName: "Rob" } }));
  check(stale.status === 412, `a stale If-Match is a 412 problem: ${JSON.stringify(stale)}`);
  const future = await problemOf(() => new VisitsApi(manager).recordVisit({ visitRequest: {
    offenderId: first.id, visitDate: new Date("2999-01-01"), type: VisitType.HomeVisit, outcome: VisitOutcome.Completed, announced: true,
  } }));
  check(future.status === 422 && (future.errors ?? []).some((e) => e.field === "visitDate"), `a future visit is a 422: ${JSON.stringify(future)}`);

  console.log(JSON.stringify({ workflow: "complete", offenders: page.items.map((o) => o.id), visit: visit.id }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
