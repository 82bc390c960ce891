package uk.police.oversight.assurance.sample;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.police.oversight.assurance.api.CaseFileView;
import uk.police.oversight.assurance.api.FindingRequest;
import uk.police.oversight.assurance.api.FindingView;
import uk.police.oversight.assurance.api.SampleReportView;
import uk.police.oversight.assurance.api.SampleRequest;
import uk.police.oversight.assurance.api.SampleView;
import uk.police.oversight.assurance.upstream.ServiceIdentity;
import uk.police.oversight.assurance.upstream.Upstream;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditRecord;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.messaging.AuditTrail;

/**
 * Assurance samples: drawn from visit-scheduler's population by {@link SampleDraw}, read by their panel members as
 * pseudonymised case files in the access window (404 for anyone else, and outside it), every read audited.
 */
@ApplicationScoped
public class Samples {

    static final Set<String> RISK_LEVELS = Set.of("VERY_HIGH", "HIGH", "MEDIUM", "LOW");
    private static final String ALL = "ALL";

    @Inject
    Upstream upstream;

    @Inject
    ServiceIdentity identity;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    public SampleView create(SampleRequest request) {
        SampleRequest.Population population = request.population();
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        if (population.from().isAfter(population.to())) {
            errors.add(new FieldError("population.to", "must not be before population.from"));
        }
        if (population.to().isAfter(today)) {
            errors.add(new FieldError("population.to", "must not be in the future (today is " + today + ")"));
        }
        if (population.from().isBefore(LocalDate.of(1950, 1, 1))) {
            errors.add(new FieldError("population.from", "must be 1950 or later"));
        }
        if (request.accessFrom().isAfter(request.accessUntil())) {
            errors.add(new FieldError("accessUntil", "must not be before accessFrom"));
        }
        if (request.accessUntil().isAfter(request.accessFrom().plusYears(1))) {
            errors.add(new FieldError("accessUntil", "a panel's access lasts at most a year"));
        }
        List<String> risks = population.riskLevels() == null ? List.of() : population.riskLevels();
        for (int i = 0; i < risks.size(); i++) {
            if (!RISK_LEVELS.contains(risks.get(i))) {
                errors.add(new FieldError("population.riskLevels[" + i + "]", "must be one of VERY_HIGH, HIGH, MEDIUM, LOW"));
            }
        }
        if (request.seed() != null && !request.seed().matches("[\\x21-\\x7E]+")) {
            errors.add(new FieldError("seed", "must be printable ASCII without spaces"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Set<String> areas = population.areaCodes() == null ? Set.of() : Set.copyOf(population.areaCodes());
        boolean overdueOnly = Boolean.TRUE.equals(population.overdueOnly());
        UUID id = UUID.randomUUID();
        List<Upstream.CommunityOffender> candidates = upstream.community(identity.bearer(), caller.requestId(),
                "assurance sample " + id + " (draw)", population.to(), overdueOnly).stream()
                .filter(c -> areas.isEmpty() || areas.contains(c.areaCode()))
                .filter(c -> risks.isEmpty() || risks.contains(c.riskLevel()))
                .toList();
        String seed = request.seed() != null ? request.seed() : randomSeed();
        Stratification strata = request.stratifyBy();
        List<SampleDraw.Drawn> drawn = SampleDraw.draw(seed, candidates.stream()
                .map(c -> new SampleDraw.Candidate(c.offenderId(), stratumOf(c, strata))).toList(), request.size(), strata != null);
        Map<UUID, UUID> managers = new java.util.HashMap<>();
        candidates.forEach(c -> managers.put(c.offenderId(), c.managerId()));

        AssuranceSample sample = new AssuranceSample();
        sample.id = id;
        sample.title = request.title().strip();
        sample.populationFrom = population.from();
        sample.populationTo = population.to();
        sample.areaCodes = areas.stream().sorted().toArray(String[]::new);
        sample.riskLevels = risks.stream().distinct().sorted().toArray(String[]::new);
        sample.overdueOnly = overdueOnly;
        sample.size = request.size();
        sample.stratifyBy = strata;
        sample.seed = seed;
        sample.algorithm = SampleDraw.ALGORITHM;
        sample.populationSize = candidates.size();
        sample.panelMembers = request.panelMembers().stream().map(String::strip).distinct().toArray(String[]::new);
        sample.accessFrom = request.accessFrom();
        sample.accessUntil = request.accessUntil();
        sample.createdBy = caller.subject();
        sample.createdAt = clock.instant();
        List<SampleCase> cases = new ArrayList<>();
        String prefix = id.toString().substring(0, 8);
        int width = Math.max(2, Integer.toString(drawn.size()).length());
        Map<UUID, String> managerLabels = new LinkedHashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            SampleDraw.Drawn d = drawn.get(i);
            SampleCase c = new SampleCase();
            c.sampleId = id;
            c.caseRef = prefix + "-" + String.format("%0" + width + "d", i + 1);
            c.offenderId = d.offenderId();
            c.stratum = d.stratum();
            c.drawKey = d.key();
            c.managerLabel = managerLabels.computeIfAbsent(managers.get(d.offenderId()),
                    m -> "Manager " + letters(managerLabels.size()));
            cases.add(c);
        }
        Map<String, Integer> populations = new TreeMap<>();
        candidates.forEach(c -> populations.merge(strata == null ? ALL : stratumOf(c, strata), 1, Integer::sum));
        sample.strata = json(populations);
        QuarkusTransaction.requiringNew().run(() -> {
            sample.persist();
            cases.forEach(c -> c.persist());
        });
        return view(sample, cases, Set.of());
    }

    public List<SampleView> list() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<AssuranceSample> samples = AssuranceSample.<AssuranceSample>find("order by createdAt desc").list();
            return samples.stream().filter(this::mayDescribe).map(this::view).toList();
        });
    }

    public SampleView get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> view(describable(id)));
    }

    /** A case file for a member of the sample's panel, in its window; audited as a consultation of that offender. */
    public CaseFileView caseFile(UUID id, String caseRef) {
        record Found(AssuranceSample sample, SampleCase c, CaseFinding finding) {
        }
        Found found = QuarkusTransaction.joiningExisting().call(() -> {
            AssuranceSample sample = readable(id);
            SampleCase c = SampleCase.<SampleCase>findByIdOptional(new SampleCase.Key(id, caseRef))
                    .orElseThrow(() -> ProblemException.notFound("Case", caseRef));
            return new Found(sample, c, CaseFinding.findById(new SampleCase.Key(id, caseRef)));
        });
        String justification = justification(id);
        Upstream.CaseRecords records = upstream.caseRecords(identity.bearer(), caller.requestId(), justification,
                found.c().offenderId, found.sample().populationTo)
                .orElseThrow(() -> new ProblemException(uk.police.oversight.common.problem.ProblemType.NOT_FOUND,
                        "Case " + caseRef + " is no longer available: the offender's records have been erased"));
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditRecord.granted(clock.instant(), caller.subject(),
                List.copyOf(caller.roles()), AuditAction.CONSULT, List.of(found.c().offenderId), "assurance-service",
                caller.requestId(), justification, "GET case file " + caseRef + " of assurance sample " + id)));
        return CaseFiles.pseudonymised(found.sample(), found.c(), records, found.finding() == null ? null : finding(found.finding()));
    }

    public FindingView recordFinding(UUID id, String caseRef, FindingRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            readable(id);
            SampleCase.<SampleCase>findByIdOptional(new SampleCase.Key(id, caseRef))
                    .orElseThrow(() -> ProblemException.notFound("Case", caseRef));
            CaseFinding finding = CaseFinding.findById(new SampleCase.Key(id, caseRef));
            if (finding == null) {
                finding = new CaseFinding();
                finding.sampleId = id;
                finding.caseRef = caseRef;
            }
            finding.grade = request.grade();
            finding.flags = request.flags() == null ? new String[0]
                    : request.flags().stream().distinct().map(Enum::name).sorted().toArray(String[]::new);
            finding.observations = request.observations() == null || request.observations().isBlank() ? null
                    : request.observations().strip();
            finding.recordedBy = caller.subject();
            finding.recordedAt = clock.instant();
            finding.persist();
            return finding(finding);
        });
    }

    public SampleReportView report(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            AssuranceSample sample = describable(id);
            List<SampleCase> cases = SampleCase.list("sampleId", id);
            Map<String, CaseFinding> findings = CaseFinding.<CaseFinding>list("sampleId", id).stream()
                    .collect(Collectors.toMap(f -> f.caseRef, f -> f));
            return SampleReports.of(sample, populations(sample), cases, findings);
        });
    }

    /** The samples reported in a month's pack: those whose access window ends in it. */
    public List<SampleReportView> reportsEndingIn(LocalDate first, LocalDate last) {
        return QuarkusTransaction.joiningExisting().call(() -> AssuranceSample.<AssuranceSample>list(
                "accessUntil >= ?1 and accessUntil <= ?2 order by accessUntil", first, last).stream()
                .map(s -> SampleReports.of(s, populations(s), SampleCase.list("sampleId", s.id), CaseFinding.<CaseFinding>list("sampleId", s.id)
                        .stream().collect(Collectors.toMap(f -> f.caseRef, f -> f)))).toList());
    }

    private String json(Map<String, Integer> populations) {
        try {
            return objectMapper.writeValueAsString(populations);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Integer> populations(AssuranceSample sample) {
        try {
            return objectMapper.readValue(sample.strata, new com.fasterxml.jackson.core.type.TypeReference<TreeMap<String, Integer>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Sample " + sample.id + " has strata that do not read", e);
        }
    }

    public static boolean isRiskLevel(String value) {
        return RISK_LEVELS.contains(value);
    }

    public static String justification(UUID sampleId) {
        return "assurance sample " + sampleId;
    }

    /** Scrutiny and admin see every sample; a panel member only those naming them; anyone else nothing (404). */
    private boolean mayDescribe(AssuranceSample sample) {
        return caller.hasRole(Roles.SCRUTINY) || caller.hasRole(Roles.ADMIN)
                || caller.hasRole(Roles.PANEL) && sample.names(caller.subject());
    }

    private AssuranceSample describable(UUID id) {
        return AssuranceSample.<AssuranceSample>findByIdOptional(id).filter(this::mayDescribe)
                .orElseThrow(() -> ProblemException.notFound("Assurance sample", id));
    }

    /** A sample whose case files the caller may read today: a member, in the window; else 404 as if there were none. */
    private AssuranceSample readable(UUID id) {
        LocalDate today = LocalDate.now(clock);
        return AssuranceSample.<AssuranceSample>findByIdOptional(id)
                .filter(s -> caller.hasRole(Roles.PANEL) && s.names(caller.subject()) && s.openOn(today))
                .orElseThrow(() -> ProblemException.notFound("Assurance sample", id));
    }

    private SampleView view(AssuranceSample sample) {
        List<SampleCase> cases = SampleCase.list("sampleId", sample.id);
        Set<String> withFinding = CaseFinding.<CaseFinding>list("sampleId", sample.id).stream().map(f -> f.caseRef)
                .collect(Collectors.toSet());
        return view(sample, cases, withFinding);
    }

    private SampleView view(AssuranceSample sample, List<SampleCase> cases, Set<String> withFinding) {
        Map<String, Integer> populations = populations(sample);
        List<SampleCase> ordered = cases.stream().sorted(Comparator.comparing(c -> c.caseRef)).toList();
        Map<String, Integer> drawnPer = new TreeMap<>();
        ordered.forEach(c -> drawnPer.merge(c.stratum == null ? ALL : c.stratum, 1, Integer::sum));
        List<SampleView.Stratum> strata = new ArrayList<>();
        populations.forEach((s, n) -> strata.add(new SampleView.Stratum(s, n, drawnPer.getOrDefault(s, 0))));
        return new SampleView(sample.id, sample.title, new SampleRequest.Population(sample.populationFrom, sample.populationTo,
                List.of(sample.areaCodes), List.of(sample.riskLevels), sample.overdueOnly), sample.size, sample.stratifyBy,
                sample.seed, sample.algorithm, sample.populationSize, List.of(sample.panelMembers), sample.accessFrom,
                sample.accessUntil, sample.createdAt,
                ordered.stream().map(c -> new SampleView.Case(c.caseRef, c.stratum, withFinding.contains(c.caseRef))).toList(),
                strata, reproduce(sample));
    }

    private static String reproduce(AssuranceSample s) {
        return "Take everyone in GET /api/v1/community-offenders?asOf=" + s.populationTo + (s.overdueOnly ? "&overdueOnly=true" : "")
                + (s.areaCodes.length > 0 ? " in areas " + String.join(",", s.areaCodes) : "")
                + (s.riskLevels.length > 0 ? " at risk levels " + String.join(",", s.riskLevels) : "")
                + "; key each by the lowercase hex SHA-256 of \"" + s.seed + ":\" + offenderId; sort by key ascending; "
                + (s.stratifyBy == null ? "take the first " + s.size
                        : "share " + s.size + " across the " + s.stratifyBy + " strata in proportion to their populations "
                        + "(largest remainder, ties to the larger stratum, then by name) and take each stratum's lowest keys")
                + " (" + SampleDraw.ALGORITHM + ", docs/assurance.md). Cases are numbered in key order.";
    }

    private static String stratumOf(Upstream.CommunityOffender c, Stratification strata) {
        if (strata == null) {
            return null;
        }
        return strata == Stratification.RISK_LEVEL ? c.riskLevel() : c.areaCode();
    }

    static FindingView finding(CaseFinding f) {
        return new FindingView(f.caseRef, f.grade, Arrays.stream(f.flags).map(FindingFlag::valueOf).toList(), f.observations,
                f.recordedBy, f.recordedAt);
    }

    /** A, B, …, Z, AA, AB, … */
    static String letters(int index) {
        StringBuilder s = new StringBuilder();
        int n = index;
        do {
            s.insert(0, (char) ('A' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return s.toString();
    }

    private static String randomSeed() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }


}
