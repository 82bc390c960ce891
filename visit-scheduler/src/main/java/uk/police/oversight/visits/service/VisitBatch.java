package uk.police.oversight.visits.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.batch.BatchItemResult;
import uk.police.oversight.common.batch.BatchResult;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.JsonProblems;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.visits.api.VisitRequest;
import uk.police.oversight.visits.model.OffenderProjection;
import uk.police.oversight.visits.model.Visit;

/**
 * Idempotent upsert of up to 1,000 visits keyed by (offender, visit date, type, external reference). Each item is
 * read and checked on its own; resending a batch changes nothing.
 */
@ApplicationScoped
@Transactional
public class VisitBatch {

    public static final int MAX_ITEMS = 1000;
    /** Batches are applied one at a time so that two batches with the same new visit cannot collide. */
    private static final long BATCH_LOCK = 0x0FFE_0DE3L;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Visits visits;

    @Inject
    VisitEvents events;

    @Inject
    AuditTrail audit;

    public BatchResult upsert(List<JsonNode> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw ProblemException.invalid("items", "must hold 1 to " + MAX_ITEMS + " items");
        }
        Visit.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", BATCH_LOCK)
                .getSingleResult();
        BatchItemResult[] results = new BatchItemResult[items.size()];
        Map<String, Integer> firstIndex = new HashMap<>();
        List<UUID> collected = new ArrayList<>();
        List<UUID> altered = new ArrayList<>();
        List<VisitEvents.Recorded> recorded = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String ref = item != null && item.hasNonNull("externalRef") ? item.get("externalRef").asText() : null;
            if (item == null || !item.isObject()) {
                results[i] = rejected(i, null, new FieldError("", "must be a visit object"));
                continue;
            }
            VisitRequest request;
            try {
                request = objectMapper.treeToValue(item, VisitRequest.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                results[i] = rejected(i, ref, JsonProblems.fieldError(e)
                        .orElse(new FieldError("", "is not a visit object: " + JsonProblems.reason(e))));
                continue;
            }
            List<FieldError> problems = visits.check(request, true);
            if (!problems.isEmpty()) {
                results[i] = result(i, ref, null, BatchItemResult.REJECTED, problems);
                continue;
            }
            checked.add(new Checked(i, ref, request));
        }
        // The offenders the checked items name, in two queries: a query per item made Hibernate flush (and
        // dirty-check every offender read so far) before each one.
        Map<String, OffenderProjection> readByPnc = visits.projected(checked.stream().map(Checked::request).toList());
        for (Checked item : checked) {
            int i = item.index();
            String ref = item.ref();
            VisitRequest request = item.request();
            Optional<OffenderProjection> offender;
            try {
                offender = visits.offender(request, readByPnc);
            } catch (ProblemException e) {
                results[i] = result(i, ref, null, BatchItemResult.REJECTED, e.errors());
                continue;
            }
            if (offender.isEmpty()) {
                results[i] = rejected(i, ref, new FieldError(request.offenderId() != null ? "offenderId" : "pncId",
                        Visits.UNKNOWN_OFFENDER));
                continue;
            }
            List<FieldError> againstOffender = visits.check(request, offender.get());
            if (!againstOffender.isEmpty()) {
                results[i] = result(i, ref, null, BatchItemResult.REJECTED, againstOffender);
                continue;
            }
            UUID offenderId = offender.get().offenderId;
            String key = offenderId + "|" + request.visitDate() + "|" + request.type() + "|" + request.externalRef().strip();
            Integer first = firstIndex.putIfAbsent(key, i);
            if (first != null) {
                results[i] = rejected(i, ref, new FieldError("externalRef",
                        "the same visit appears more than once in the batch (first at index " + first + ")"));
                continue;
            }
            accepted.add(new Accepted(i, ref, request, offender.get(), key));
        }
        // The stored visits the accepted items name, in one query: a query per item made Hibernate flush (and
        // dirty-check every visit of the batch) before each one.
        Map<String, Visit> stored = stored(accepted);
        for (Accepted item : accepted) {
            Visit existing = stored.get(item.key());
            UUID offenderId = item.offender().offenderId;
            if (existing == null) {
                Visit visit = visits.create(item.request(), item.offender());
                recorded.add(new VisitEvents.Recorded(visit, item.offender()));
                collected.add(offenderId);
                results[item.index()] = result(item.index(), item.ref(), visit.id, BatchItemResult.CREATED, List.of());
            } else if (Visits.apply(item.request(), existing)) {
                recorded.add(new VisitEvents.Recorded(existing, item.offender()));
                altered.add(offenderId);
                results[item.index()] = result(item.index(), item.ref(), existing.id, BatchItemResult.UPDATED, List.of());
            } else {
                results[item.index()] = result(item.index(), item.ref(), existing.id, BatchItemResult.UNCHANGED, List.of());
            }
        }
        if (!recorded.isEmpty()) {
            events.recordedAll(recorded);
        }
        if (!collected.isEmpty()) {
            audit.record(AuditAction.COLLECT, collected.stream().distinct().toList(),
                    "POST /api/v1/visits/batch: " + collected.size() + " visits recorded");
        }
        if (!altered.isEmpty()) {
            audit.record(AuditAction.ALTER, altered.stream().distinct().toList(),
                    "POST /api/v1/visits/batch: " + altered.size() + " visits changed");
        }
        return BatchResult.of(List.of(results));
    }

    /** An item that passed the checks of its own fields: its index, reference and request. */
    private record Checked(int index, String ref, VisitRequest request) {
    }

    /** An item that passed every check: its index, reference, request, offender and visit key. */
    private record Accepted(int index, String ref, VisitRequest request, OffenderProjection offender, String key) {
    }

    /** The stored visits with the keys of these items, by key (offender, visit date, type, external reference). */
    private static Map<String, Visit> stored(List<Accepted> items) {
        if (items.isEmpty()) {
            return Map.of();
        }
        List<UUID> offenders = items.stream().map(item -> item.offender().offenderId).distinct().toList();
        List<String> refs = items.stream().map(item -> item.request().externalRef().strip()).distinct().toList();
        Map<String, Visit> stored = new HashMap<>();
        for (Visit visit : Visit.<Visit>list("offenderId in ?1 and externalRef in ?2", offenders, refs)) {
            stored.put(visit.offenderId + "|" + visit.visitDate + "|" + visit.type + "|" + visit.externalRef, visit);
        }
        return stored;
    }

    private static BatchItemResult rejected(int index, String externalRef, FieldError problem) {
        return result(index, externalRef, null, BatchItemResult.REJECTED, List.of(problem));
    }

    /** A visit's result, keyed by its external reference. */
    private static BatchItemResult result(int index, String externalRef, UUID id, String result, List<FieldError> problems) {
        return new BatchItemResult(index, null, externalRef, id, result, problems);
    }
}
