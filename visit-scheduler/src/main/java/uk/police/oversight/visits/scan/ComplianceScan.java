package uk.police.oversight.visits.scan;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import uk.police.oversight.common.events.Announcement;
import uk.police.oversight.common.events.EventTypes;
import uk.police.oversight.messaging.Outbox;
import uk.police.oversight.visits.compliance.ComplianceQueries;
import uk.police.oversight.visits.compliance.OverdueFilter;
import uk.police.oversight.visits.api.OverdueRiskReview;
import uk.police.oversight.visits.compliance.VisitPolicy;
import uk.police.oversight.visits.events.ComplianceEventData;
import uk.police.oversight.visits.model.OffenderProjection;
import uk.police.oversight.visits.model.RiskLevel;
import uk.police.oversight.visits.model.VisitPolicyRow;

/**
 * Finds who is due soon, newly overdue, due an escalation or overdue a risk review, and announces each (offender,
 * kind, due date) once. Runs on a schedule once per cluster (Quartz, clustered on the database); the
 * compliance_event table makes a rerun, or a second replica, emit nothing twice.
 */
@ApplicationScoped
public class ComplianceScan {

    public static final int DUE_SOON_DAYS = 7;
    private static final Logger LOG = Logger.getLogger(ComplianceScan.class);

    @Inject
    ComplianceQueries queries;

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    io.opentelemetry.api.trace.Tracer tracer;

    /** What a scan announced (only the events it emitted for the first time). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ScanResult",
            requiredProperties = {"asOf", "dueSoon", "overdue", "escalated", "riskReviewsOverdue"})
    public record ScanResult(LocalDate asOf, int dueSoon, int overdue, int escalated, int riskReviewsOverdue) {
    }

    @Scheduled(identity = "compliance-scan", cron = "${oversight.compliance.scan-cron:0 10 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        // The scheduled scan starts a trace of its own: its announcements, and the emails they lead to, carry it.
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder("compliance-scan")
                .setSpanKind(io.opentelemetry.api.trace.SpanKind.INTERNAL).setNoParent().startSpan();
        try (io.opentelemetry.context.Scope scope = span.makeCurrent()) {
            ScanResult result = scan(LocalDate.now(clock));
            LOG.infof("Compliance scan as of %s: %s", result.asOf(), result);
        } catch (RuntimeException e) {
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    @Transactional
    public ScanResult scan(LocalDate asOf) {
        VisitPolicy policy = VisitPolicyRow.current().policy();
        List<Candidate> candidates = new ArrayList<>();
        for (ComplianceQueries.DueDate due : queries.dueDates(asOf)) {
            if (due.daysOverdue() > 0) {
                candidates.add(new Candidate(due.offenderId(), Announcement.OVERDUE, due.dueOn(), due.daysOverdue(), due.lastVisitOn()));
                if (due.daysOverdue() >= policy.escalateAfterDaysOverdue() || due.riskLevel() == RiskLevel.VERY_HIGH) {
                    candidates.add(new Candidate(due.offenderId(), Announcement.ESCALATED, due.dueOn(), due.daysOverdue(), due.lastVisitOn()));
                }
            } else if (!asOf.isBefore(due.dueOn().minusDays(DUE_SOON_DAYS))) {
                candidates.add(new Candidate(due.offenderId(), Announcement.DUE_SOON, due.dueOn(), due.daysOverdue(), due.lastVisitOn()));
            }
        }
        for (OverdueRiskReview review : queries.allOverdueRiskReviews(OverdueFilter.forceWide(asOf))) {
            candidates.add(new Candidate(review.offenderId(), Announcement.REVIEW_OVERDUE, review.reviewDueOn(), review.daysOverdue(),
                    review.lastRiskAssessmentOn()));
        }
        List<Candidate> fresh = claim(candidates);
        Map<UUID, OffenderProjection> offenders = OffenderProjection.<OffenderProjection>list("offenderId in ?1",
                fresh.stream().map(Candidate::offenderId).distinct().toList()).stream()
                .collect(Collectors.toMap(o -> o.offenderId, o -> o));
        Map<Announcement, Integer> counts = new HashMap<>();
        List<Outbox.Pending> announcements = new ArrayList<>(fresh.size());
        for (Candidate candidate : fresh) {
            OffenderProjection offender = offenders.get(candidate.offenderId());
            announcements.add(new Outbox.Pending(candidate.kind().eventType(), candidate.offenderId().toString(),
                    new ComplianceEventData(candidate.offenderId(), offender.pncId, offender.riskLevel.name(),
                            offender.areaCode, offender.managerId, candidate.dueOn(), Math.max(candidate.daysOverdue(), 0),
                            candidate.lastVisitOn(), asOf, policy.escalateAfterDaysOverdue(), offender.version)));
            counts.merge(candidate.kind(), 1, Integer::sum);
        }
        outbox.publishAll(EventTypes.COMPLIANCE_ADDRESS, announcements); // one batched statement, however many
        return new ScanResult(asOf, counts.getOrDefault(Announcement.DUE_SOON, 0), counts.getOrDefault(Announcement.OVERDUE, 0),
                counts.getOrDefault(Announcement.ESCALATED, 0), counts.getOrDefault(Announcement.REVIEW_OVERDUE, 0));
    }

    /** Records the candidates in compliance_event; answers those not recorded before (the ones to announce). */
    private List<Candidate> claim(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into compliance_event (offender_id, type, due_on)"
                                + " select * from unnest(?::uuid[], ?::varchar[], ?::date[]) on conflict do nothing"
                                + " returning offender_id, type, due_on")) {
            insert.setArray(1, connection.createArrayOf("uuid", candidates.stream().map(Candidate::offenderId).toArray()));
            insert.setArray(2, connection.createArrayOf("varchar", candidates.stream().map(c -> c.kind().name()).toArray()));
            insert.setArray(3, connection.createArrayOf("date", candidates.stream().map(c -> java.sql.Date.valueOf(c.dueOn())).toArray()));
            Map<String, Candidate> byKey = candidates.stream().collect(Collectors.toMap(Candidate::key, c -> c, (a, b) -> a));
            List<Candidate> fresh = new ArrayList<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getObject(1, UUID.class) + "|" + rs.getString(2) + "|" + rs.getObject(3, LocalDate.class);
                    fresh.add(byKey.get(key));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record compliance events", e);
        }
    }

    private record Candidate(UUID offenderId, Announcement kind, LocalDate dueOn, long daysOverdue, LocalDate lastVisitOn) {
        String key() {
            return offenderId + "|" + kind.name() + "|" + dueOn;
        }
    }
}
