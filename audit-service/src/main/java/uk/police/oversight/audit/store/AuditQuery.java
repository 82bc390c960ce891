package uk.police.oversight.audit.store;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.police.oversight.audit.api.AuditEventView;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditOutcome;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageRequest;

/** Reads the audit log with filters, newest first; each read is itself an entry. */
@ApplicationScoped
@Transactional
public class AuditQuery {

    public static final Map<String, String> SORTABLE = Map.of("at", "at");

    @Inject
    EntityManager entityManager;

    @Inject
    AuditStore audit;

    @Inject
    uk.police.oversight.common.security.Caller caller;

    /** Filters of the audit log; any may be null. */
    public record Filter(UUID offenderId, String actor, AuditAction action, AuditOutcome outcome, Instant from, Instant to) {
    }

    public Page<AuditEventView> search(Filter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.offenderId() != null) {
            where.add("array_contains(offenderIds, :offenderId)");
            params.put("offenderId", filter.offenderId());
        }
        if (filter.actor() != null) {
            where.add("actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            where.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.outcome() != null) {
            where.add("outcome = :outcome");
            params.put("outcome", filter.outcome());
        }
        if (filter.from() != null) {
            where.add("at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("at < :to");
            params.put("to", filter.to());
        }
        Sort sort = Sort.by(page.sortField(), page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending)
                .and("id", page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending);
        PanacheQuery<AuditEvent> query = where.isEmpty()
                ? AuditEvent.findAll(sort)
                : AuditEvent.find(String.join(" and ", where), sort, params);
        List<AuditEventView> items = query.page(page.page(), page.size()).list().stream().map(AuditQuery::view).toList();
        // The log names offenders: reading it is a consultation of theirs, and is itself logged.
        audit.record(AuditAction.CONSULT, items.stream().flatMap(item -> item.offenderIds().stream()).distinct().toList(),
                caller.requestLine());
        return page.pageOf(items, query.count());
    }

    static AuditEventView view(AuditEvent event) {
        return new AuditEventView(event.id, event.at, event.actor, event.roles, event.action, event.outcome, event.offenderIds,
                event.service, event.requestId, event.justification, event.detail);
    }
}
