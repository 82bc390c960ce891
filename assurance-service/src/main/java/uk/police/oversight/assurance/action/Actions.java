package uk.police.oversight.assurance.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import uk.police.oversight.assurance.api.ActionRequest;
import uk.police.oversight.assurance.api.ActionUpdateRequest;
import uk.police.oversight.assurance.api.ActionView;
import uk.police.oversight.assurance.api.Criterion;
import uk.police.oversight.assurance.api.SnapshotView;
import uk.police.oversight.assurance.snapshot.Metric;
import uk.police.oversight.assurance.snapshot.Rag;
import uk.police.oversight.assurance.snapshot.SnapshotStore;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageRequest;

/** The action tracker: actions, their append-only updates, RAG by due date, closure criteria checked before closing. */
@ApplicationScoped
@Transactional
public class Actions {

    public static final int AMBER_WITHIN_DAYS = 28;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    SnapshotStore snapshots;

    /** The filters of the tracker's list; any may be null. */
    public record ActionFilter(ActionStatus status, Rag rag, ActionSource source, LocalDate dueBefore, LocalDate changedSince) {
    }

    public ActionView create(ActionRequest request) {
        if (request.status() == ActionStatus.CLOSED) {
            throw ProblemException.invalid("status", "an action cannot start CLOSED");
        }
        checkCriterion(request.closureCriterion());
        if (TrackedAction.count("reference", request.reference()) > 0) {
            throw ProblemException.conflict("An action with reference " + request.reference() + " already exists");
        }
        TrackedAction a = new TrackedAction();
        a.id = UUID.randomUUID();
        a.reference = request.reference();
        a.source = request.source();
        a.title = request.title().strip();
        a.description = request.description().strip();
        a.owner = request.owner().strip();
        a.ownerStaffId = request.ownerStaffId();
        a.dueOn = request.dueOn();
        a.status = request.status() == null ? ActionStatus.AWAITING_ALLOCATION : request.status();
        Criterion c = request.closureCriterion();
        if (c != null) {
            a.criterionMetric = c.metric().label();
            a.criterionAreaCode = c.areaCode();
            a.criterionBetter = c.better();
            a.criterionValue = BigDecimal.valueOf(c.value());
            a.criterionSnapshots = c.consecutiveSnapshots();
        }
        a.createdBy = caller.subject();
        a.createdAt = clock.instant();
        a.changedAt = a.createdAt;
        try {
            a.persistAndFlush();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException) {
                throw ProblemException.conflict("An action with reference " + request.reference() + " already exists");
            }
            throw e;
        }
        return view(a, List.of(), criterionCheck());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ActionView> list(ActionFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.source() != null) {
            query.append(" and source = :source");
            params.put("source", filter.source());
        }
        if (filter.dueBefore() != null) {
            query.append(" and dueOn < :dueBefore");
            params.put("dueBefore", filter.dueBefore());
        }
        if (filter.changedSince() != null) {
            query.append(" and changedAt >= :changedSince");
            params.put("changedSince", filter.changedSince().atStartOfDay(LONDON).toInstant());
        }
        if (filter.rag() != null) {
            query.append(" and status <> :closed");
            params.put("closed", ActionStatus.CLOSED);
            switch (filter.rag()) {
                case RED -> query.append(" and dueOn < :today");
                case AMBER -> query.append(" and dueOn >= :today and dueOn <= :amberUntil");
                case GREEN -> query.append(" and dueOn > :amberUntil");
            }
            if (filter.rag() != Rag.RED) {
                params.put("amberUntil", today.plusDays(AMBER_WITHIN_DAYS));
            }
            if (filter.rag() != Rag.GREEN) {
                params.put("today", today);
            }
        }
        String order = " order by " + page.sortField() + (page.ascending() ? " asc" : " desc") + ", reference";
        var found = TrackedAction.<TrackedAction>find(query + order, params);
        long total = found.count();
        List<TrackedAction> rows = found.page(page.page(), page.size()).list();
        Map<UUID, List<ActionUpdate>> updates = updatesOf(rows.stream().map(a -> a.id).toList());
        CriterionCheck check = criterionCheck();
        return page.pageOf(rows.stream().map(a -> view(a, updates.getOrDefault(a.id, List.of()), check)).toList(), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ActionView get(UUID id) {
        TrackedAction a = find(id);
        return view(a, updatesOf(List.of(id)).getOrDefault(id, List.of()), criterionCheck());
    }

    /** Appends an update; a status of CLOSED is refused (422) while the closure criterion is not met, unless overridden. */
    public ActionView update(UUID id, ActionUpdateRequest request) {
        TrackedAction a = TrackedAction.<TrackedAction>find("id", id).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Action", id));
        CriterionCheck check = criterionCheck();
        if (request.status() == ActionStatus.CLOSED && a.status != ActionStatus.CLOSED) {
            if (!caller.hasRole(Roles.SCRUTINY) && !caller.hasRole(Roles.ADMIN)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Only the PCC's office (scrutiny) or an admin signs an action off");
            }
            Boolean met = check.met(a);
            boolean override = request.overrideReason() != null && !request.overrideReason().isBlank();
            if (Boolean.FALSE.equals(met) && !override) {
                throw ProblemException.invalid(List.of(new FieldError("status", "the closure criterion is not met: "
                        + check.describe(a) + "; close it anyway only with an overrideReason")));
            }
        }
        if (request.overrideReason() != null && !request.overrideReason().isBlank() && request.status() != ActionStatus.CLOSED) {
            throw ProblemException.invalid("overrideReason", "only closing an action can be overridden");
        }
        ActionUpdate u = new ActionUpdate();
        u.id = UUID.randomUUID();
        u.actionId = id;
        u.at = clock.instant();
        u.by = caller.subject();
        u.status = request.status();
        u.note = request.note().strip();
        u.overrideReason = request.overrideReason() == null || request.overrideReason().isBlank() ? null : request.overrideReason().strip();
        u.persist();
        if (request.status() != null && request.status() != a.status) {
            a.status = request.status();
            a.closedAt = a.status == ActionStatus.CLOSED ? u.at : null;
        }
        a.changedAt = u.at;
        return view(a, updatesOf(List.of(id)).getOrDefault(id, List.of()), check);
    }

    /** Open actions past due or due within {@code withinDays}, soonest first (the report pack's list). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActionView> openDueBy(LocalDate day) {
        List<TrackedAction> rows = TrackedAction.list("status <> ?1 and dueOn <= ?2 order by dueOn, reference", ActionStatus.CLOSED, day);
        Map<UUID, List<ActionUpdate>> updates = updatesOf(rows.stream().map(a -> a.id).toList());
        CriterionCheck check = criterionCheck();
        return rows.stream().map(a -> view(a, updates.getOrDefault(a.id, List.of()), check)).toList();
    }

    /** Actions closed in a period (the report pack's list). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActionView> closedBetween(java.time.Instant from, java.time.Instant until) {
        List<TrackedAction> rows = TrackedAction.list("status = ?1 and closedAt >= ?2 and closedAt < ?3 order by closedAt",
                ActionStatus.CLOSED, from, until);
        Map<UUID, List<ActionUpdate>> updates = updatesOf(rows.stream().map(a -> a.id).toList());
        CriterionCheck check = criterionCheck();
        return rows.stream().map(a -> view(a, updates.getOrDefault(a.id, List.of()), check)).toList();
    }

    public Rag rag(TrackedAction a) {
        if (a.status == ActionStatus.CLOSED) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        if (a.dueOn.isBefore(today)) {
            return Rag.RED;
        }
        return a.dueOn.isAfter(today.plusDays(AMBER_WITHIN_DAYS)) ? Rag.GREEN : Rag.AMBER;
    }

    private TrackedAction find(UUID id) {
        return TrackedAction.<TrackedAction>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Action", id));
    }

    private Map<UUID, List<ActionUpdate>> updatesOf(List<UUID> ids) {
        Map<UUID, List<ActionUpdate>> byAction = new HashMap<>();
        if (!ids.isEmpty()) {
            ActionUpdate.<ActionUpdate>list("actionId in ?1 order by at, id", ids)
                    .forEach(u -> byAction.computeIfAbsent(u.actionId, k -> new ArrayList<>()).add(u));
        }
        return byAction;
    }

    private static void checkCriterion(Criterion c) {
        if (c == null) {
            return;
        }
        if (c.metric() == Metric.IN_SCOPE) {
            throw ProblemException.invalid("closureCriterion.metric", "inScope counts people; it is not something to meet");
        }
        if (c.metric().naturalDirection() != c.better()) {
            throw ProblemException.invalid("closureCriterion.better", "for " + c.metric().label() + " "
                    + c.metric().naturalDirection() + " is better");
        }
        if (c.metric().isRate() && (c.value() < 0 || c.value() > 1)) {
            throw ProblemException.invalid("closureCriterion.value", "a rate is between 0 and 1");
        }
        if (!c.metric().isRate() && (c.value() < 0 || c.value() > 100_000)) {
            throw ProblemException.invalid("closureCriterion.value", "must be between 0 and 100000");
        }
    }

    /** The latest MONTHLY snapshots, read once for a request, against which criteria are checked. */
    private CriterionCheck criterionCheck() {
        return new CriterionCheck(snapshots.latestMonthly(24));
    }

    /** Whether an action's criterion holds over the latest N MONTHLY snapshots (newest first). */
    record CriterionCheck(List<SnapshotView> latestMonthly) {

        Boolean met(TrackedAction a) {
            if (a.criterionMetric == null) {
                return null;
            }
            if (latestMonthly.size() < a.criterionSnapshots) {
                return false;
            }
            Metric metric = Metric.of(a.criterionMetric);
            double target = a.criterionValue.doubleValue();
            for (SnapshotView s : latestMonthly.subList(0, a.criterionSnapshots)) {
                var value = s.figures().value(metric, a.criterionAreaCode, null);
                if (value.isEmpty() || !(a.criterionBetter == Metric.Better.HIGHER ? value.get() >= target : value.get() <= target)) {
                    return false;
                }
            }
            return true;
        }

        String describe(TrackedAction a) {
            String what = a.criterionMetric + (a.criterionAreaCode == null ? "" : " in " + a.criterionAreaCode)
                    + (a.criterionBetter == Metric.Better.HIGHER ? " >= " : " <= ") + a.criterionValue.stripTrailingZeros().toPlainString()
                    + " in the latest " + a.criterionSnapshots + " MONTHLY snapshots";
            if (latestMonthly.size() < a.criterionSnapshots) {
                return what + " (only " + latestMonthly.size() + " MONTHLY snapshots exist)";
            }
            return what;
        }
    }

    private ActionView view(TrackedAction a, List<ActionUpdate> updates, CriterionCheck check) {
        Criterion criterion = a.criterionMetric == null ? null : new Criterion(Metric.of(a.criterionMetric), a.criterionAreaCode,
                a.criterionBetter, a.criterionValue.doubleValue(), a.criterionSnapshots);
        return new ActionView(a.id, a.reference, a.source, a.title, a.description, a.owner, a.ownerStaffId, a.dueOn, a.status,
                rag(a), criterion, check.met(a), a.createdAt, a.changedAt,
                updates.stream().map(u -> new ActionView.Update(u.at, u.by, u.status, u.note, u.overrideReason)).toList());
    }
}
