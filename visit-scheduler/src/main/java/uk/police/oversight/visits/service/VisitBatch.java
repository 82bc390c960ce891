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
                results[i] = BatchItemResult.visit(i, ref, null, BatchItemResult.REJECTED, problems);
                continue;
            }
            Optional<OffenderProjection> offender;
            try {
                offender = visits.offender(request);
            } catch (ProblemException e) {
                results[i] = BatchItemResult.visit(i, ref, null, BatchItemResult.REJECTED, e.errors());
                continue;
            }
            if (offender.isEmpty()) {
                results[i] = rejected(i, ref, new FieldError(request.offenderId() != null ? "offenderId" : "pncId",
                        "is not a known offender"));
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
            Visit existing = Visit.<Visit>find("offenderId = ?1 and visitDate = ?2 and type = ?3 and externalRef = ?4",
                    offenderId, request.visitDate(), request.type(), request.externalRef().strip()).firstResult();
            if (existing == null) {
                Visit visit = visits.create(request, offender.get());
                events.recorded(visit, offender.get());
                collected.add(offenderId);
                results[i] = BatchItemResult.visit(i, ref, visit.id, BatchItemResult.CREATED, List.of());
            } else if (Visits.apply(request, existing)) {
                events.recorded(existing, offender.get());
                altered.add(offenderId);
                results[i] = BatchItemResult.visit(i, ref, existing.id, BatchItemResult.UPDATED, List.of());
            } else {
                results[i] = BatchItemResult.visit(i, ref, existing.id, BatchItemResult.UNCHANGED, List.of());
            }
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

    private static BatchItemResult rejected(int index, String externalRef, FieldError problem) {
        return BatchItemResult.visit(index, externalRef, null, BatchItemResult.REJECTED, List.of(problem));
    }
}
