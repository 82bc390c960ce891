package uk.police.oversight.visits.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import uk.police.oversight.visits.compliance.ComplianceQueries;

/**
 * Today's compliance as Prometheus gauges (management interface), by area and risk level: offenders in scope, overdue
 * a home visit, overdue a risk review, and the days overdue of the most overdue. Refreshed every minute from the
 * summary's own statement over the kept due dates (ComplianceQueries#cells), never per scrape; labels are the force's
 * area codes and the four risk levels, never an id. Every replica exports the same figures: alerts and dashboards
 * take {@code max by (area, risk_level)} before summing (k8s/monitoring).
 */
@ApplicationScoped
public class ComplianceMetrics {

    private static final Logger LOG = Logger.getLogger(ComplianceMetrics.class);

    @Inject
    ComplianceQueries queries;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private final Map<Tags, AtomicLong[]> cells = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "${oversight.metrics.refresh-interval:60s}", delayed = "${oversight.metrics.refresh-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public synchronized void refresh() {
        LocalDate today = LocalDate.now(clock);
        try {
            queries.cells(today).ifPresentOrElse(this::show,
                    () -> LOG.debugf("The kept due dates do not answer %s; the compliance metrics keep their last values", today));
        } catch (RuntimeException e) {
            LOG.warnf("Could not refresh the compliance metrics (%s); they keep their last values", e.getMessage());
        }
    }

    private void show(List<ComplianceQueries.Cell> figures) {
        java.util.Set<Tags> shown = new java.util.HashSet<>();
        for (ComplianceQueries.Cell cell : figures) {
            Tags tags = Tags.of("area", cell.areaCode(), "risk_level", cell.riskLevel().name());
            AtomicLong[] values = cells.computeIfAbsent(tags, this::register);
            values[0].set(cell.inScope());
            values[1].set(cell.overdue());
            values[2].set(cell.reviewsOverdue());
            values[3].set(cell.oldestDaysOverdue());
            shown.add(tags);
        }
        // A cell that has emptied (its last offender moved area) shows zeros rather than its last figures; the others
        // went from their old figures to their new ones without passing through zero.
        cells.forEach((tags, values) -> {
            if (!shown.contains(tags)) {
                for (AtomicLong value : values) {
                    value.set(0);
                }
            }
        });
    }

    private AtomicLong[] register(Tags tags) {
        AtomicLong[] values = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
        gauge("oversight.offenders.in.scope", "Offenders in scope of the visit rule today (in the community, actively managed)",
                tags, values[0]);
        gauge("oversight.overdue.visits", "Offenders overdue a home visit today", tags, values[1]);
        gauge("oversight.overdue.risk.reviews", "Offenders in the community overdue a risk review today", tags, values[2]);
        gauge("oversight.overdue.visit.oldest.days", "Days overdue of the most overdue offender (0 when none is)", tags, values[3]);
        return values;
    }

    private void gauge(String name, String description, Tags tags, AtomicLong value) {
        Gauge.builder(name, value, AtomicLong::get).description(description).tags(tags).register(registry);
    }
}
