package uk.police.oversight.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.security.Caller;
import uk.police.oversight.common.security.Roles;
import uk.police.oversight.common.web.Page;
import uk.police.oversight.common.web.PageRequest;
import uk.police.oversight.messaging.AuditTrail;
import uk.police.oversight.visits.compliance.ComplianceQueries;
import uk.police.oversight.visits.api.ComplianceSummary;
import uk.police.oversight.visits.compliance.OverdueFilter;
import uk.police.oversight.visits.api.OverdueRiskReview;
import uk.police.oversight.visits.api.OverdueVisit;

/**
 * Overdue lists, exports and summaries for the caller's areas. Every list that names people is audited as a
 * consultation before it is answered; the summary names nobody.
 */
@ApplicationScoped
@Transactional
public class Compliance {

    @Inject
    ComplianceQueries queries;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    public Page<OverdueVisit> overdue(OverdueFilter filter, PageRequest page) {
        Page<OverdueVisit> result = queries.overdue(filter, page);
        audit.record(AuditAction.CONSULT, result.items().stream().map(OverdueVisit::offenderId).toList(), caller.requestLine());
        return result;
    }

    public List<OverdueVisit> export(OverdueFilter filter) {
        List<OverdueVisit> rows = queries.allOverdue(filter);
        audit.record(AuditAction.CONSULT, rows.stream().map(OverdueVisit::offenderId).toList(),
                caller.requestLine() + " (CSV export, " + rows.size() + " rows)");
        return rows;
    }

    public List<uk.police.oversight.visits.api.CommunityOffender> community(java.time.LocalDate asOf, boolean overdueOnly) {
        List<uk.police.oversight.visits.api.CommunityOffender> rows = queries.community(asOf, overdueOnly);
        audit.record(AuditAction.CONSULT, rows.stream().map(uk.police.oversight.visits.api.CommunityOffender::offenderId).toList(),
                caller.requestLine() + " (" + (overdueOnly ? "everyone in the community overdue a visit, " : "everyone in the community, ")
                        + rows.size() + " rows)");
        return rows;
    }

    public Page<OverdueRiskReview> overdueRiskReviews(OverdueFilter filter, PageRequest page) {
        Page<OverdueRiskReview> result = queries.overdueRiskReviews(filter, page);
        audit.record(AuditAction.CONSULT, result.items().stream().map(OverdueRiskReview::offenderId).toList(),
                caller.requestLine());
        return result;
    }

    public List<OverdueRiskReview> exportRiskReviews(OverdueFilter filter) {
        List<OverdueRiskReview> rows = queries.allOverdueRiskReviews(filter);
        audit.record(AuditAction.CONSULT, rows.stream().map(OverdueRiskReview::offenderId).toList(),
                caller.requestLine() + " (CSV export, " + rows.size() + " rows)");
        return rows;
    }

    /**
     * Compliance figures. Managers and supervisors get their areas with the per-manager breakdown; scrutiny gets the
     * whole force (or the area asked for) without it, since figures per manager point at people.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ComplianceSummary summary(OverdueFilter filter) {
        if (caller.hasRole(Roles.SCRUTINY) && filter.callerAreas().isPresent()) {
            return queries.summary(new OverdueFilter(filter.asOf(), java.util.Optional.empty(), filter.areaCode(),
                    filter.managerId(), filter.riskLevel(), filter.minDaysOverdue(), filter.band()), false);
        }
        return queries.summary(filter, !caller.hasRole(Roles.SCRUTINY) || caller.forceWide());
    }
}
