package uk.police.oversight.offender.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.JsonProblems;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.batch.BatchItemResult;
import uk.police.oversight.common.batch.BatchResult;
import uk.police.oversight.offender.api.OffenderRequest;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.offender.events.OffenderEvents;
import uk.police.oversight.offender.model.HistoryEntry;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.common.pnc.PncId;

/**
 * Idempotent upsert of up to 1,000 offenders keyed by PNC id. Every item is read and checked on its own, so a bad
 * item is rejected with its problems while the others go in; sending the same batch again changes nothing.
 */
@ApplicationScoped
@Transactional
public class OffenderBatch {

    public static final int MAX_ITEMS = 1000;
    /** Batches are applied one at a time so that two batches naming the same new PNC id cannot collide. */
    private static final long BATCH_LOCK = 0x0FFE_0DE2L;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    OffenderRules rules;

    @Inject
    Offenders offenders;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    OffenderEvents events;

    public BatchResult upsert(List<JsonNode> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw ProblemException.invalid("items", "must hold 1 to " + MAX_ITEMS + " items");
        }
        Offender.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", BATCH_LOCK)
                .getSingleResult();
        int year = LocalDate.now(clock).getYear();
        References references = References.load();
        BatchItemResult[] results = new BatchItemResult[items.size()];
        OffenderRequest[] requests = new OffenderRequest[items.size()];
        String[] pncIds = new String[items.size()];
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null || !items.get(i).isObject()) {
                results[i] = rejected(i, null, List.of(new FieldError("", "must be an offender object")));
                continue;
            }
            try {
                requests[i] = objectMapper.treeToValue(items.get(i), OffenderRequest.class);
                PncId.Result pnc = PncId.parse(requests[i].pncId(), year);
                pncIds[i] = pnc.valid() ? pnc.pncId().get().canonical() : null;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                FieldError problem = JsonProblems.fieldError(e)
                        .orElse(new FieldError("", "is not an offender object: " + JsonProblems.reason(e)));
                results[i] = rejected(i, items.get(i), List.of(problem));
            }
        }
        Map<String, Offender> existing = existing(pncIds);
        Map<String, Integer> firstIndex = new HashMap<>();
        List<UUID> created = new ArrayList<>();
        List<UUID> updated = new ArrayList<>();
        List<OffenderEvents.Change> changes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (results[i] != null) {
                continue;
            }
            Offender stored = pncIds[i] == null ? null : existing.get(pncIds[i]);
            OffenderRules.Outcome outcome = rules.check(requests[i], references, stored == null ? null : OffenderDetails.of(stored));
            if (!outcome.valid()) {
                results[i] = rejected(i, items.get(i), outcome.problems());
                continue;
            }
            Integer first = firstIndex.putIfAbsent(pncIds[i], i);
            if (first != null) {
                results[i] = rejected(i, items.get(i),
                        List.of(new FieldError("pncId", "appears more than once in the batch (first at index " + first + ")")));
                continue;
            }
            OffenderDetails facts = outcome.facts();
            if (stored == null) {
                Offender offender = offenders.create(facts);
                created.add(offender.id);
                changes.add(OffenderEvents.Change.registered(offender));
                results[i] = result(i, facts.pncId(), offender.id, BatchItemResult.CREATED, List.of());
                continue;
            }
            List<String> changed = offenders.update(stored, facts, HistoryEntry.Change.UPDATED);
            if (changed.isEmpty()) {
                results[i] = result(i, facts.pncId(), stored.id, BatchItemResult.UNCHANGED, List.of());
            } else {
                updated.add(stored.id);
                changes.add(OffenderEvents.Change.changed(stored, changed));
                results[i] = result(i, facts.pncId(), stored.id, BatchItemResult.UPDATED, List.of());
            }
        }
        if (!changes.isEmpty()) {
            events.publishAll(changes);
        }
        if (!created.isEmpty()) {
            audit.record(AuditAction.COLLECT, created, "POST /api/v1/offenders/batch: " + created.size() + " registered");
        }
        if (!updated.isEmpty()) {
            audit.record(AuditAction.ALTER, updated, "POST /api/v1/offenders/batch: " + updated.size() + " updated");
        }
        return BatchResult.of(List.of(results));
    }

    /** The stored offenders with these canonical PNC ids, locked for update. */
    private static Map<String, Offender> existing(String[] pncIds) {
        List<String> wanted = java.util.Arrays.stream(pncIds).filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return Offender.<Offender>find("pncId in ?1", wanted).withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .collect(Collectors.toMap(o -> o.pncId, Function.identity()));
    }

    private static BatchItemResult rejected(int index, JsonNode item, List<FieldError> problems) {
        JsonNode pnc = item == null ? null : item.get("pncId");
        return result(index, pnc != null && pnc.isTextual() ? pnc.asText() : null, null,
                BatchItemResult.REJECTED, problems);
    }

    /** An offender's result, keyed by the PNC id it was sent with. */
    private static BatchItemResult result(int index, String pncId, UUID id, String result, List<FieldError> problems) {
        return new BatchItemResult(index, pncId, null, id, result, problems);
    }
}
