package uk.police.oversight.notifications.digest;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import uk.police.oversight.notifications.intake.Notifications;
import uk.police.oversight.notifications.model.Channel;
import uk.police.oversight.notifications.model.NotificationType;
import uk.police.oversight.notifications.model.StaffContact;

/**
 * Each morning, one email per manager listing their overdue, due-soon and overdue-review offenders, from the open
 * items the compliance events left. Runs once per cluster (Quartz, clustered on the database) and at most once per
 * manager and day however often it runs.
 */
@ApplicationScoped
public class DailyDigest {

    private static final Logger LOG = Logger.getLogger(DailyDigest.class);

    @Inject
    DataSource dataSource;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    @Scheduled(identity = "daily-digest", cron = "${oversight.digest.cron:0 0 7 * * ?}", timeZone = "Europe/London",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        LOG.infof("Daily digest: %d managers", run(LocalDate.now(clock)));
    }

    /** Queues the digests for a date; answers how many managers get one (for the first time). */
    @Transactional
    public int run(LocalDate date) {
        Map<UUID, List<Item>> byManager = new LinkedHashMap<>();
        for (Item item : openItems()) {
            byManager.computeIfAbsent(item.managerId(), id -> new ArrayList<>()).add(item);
        }
        int queued = 0;
        for (Map.Entry<UUID, List<Item>> entry : byManager.entrySet()) {
            Digest digest = digest(date, entry.getKey(), entry.getValue());
            if (digest.size() == 0) {
                continue;
            }
            StaffContact manager = StaffContact.findById(entry.getKey());
            String area = manager != null ? manager.areaCode : entry.getValue().get(0).areaCode();
            List<UUID> offenders = entry.getValue().stream().map(Item::offenderId).distinct().toList();
            if (notifications.queue(NotificationType.DIGEST, Channel.EMAIL, entry.getKey(), area, offenders, null,
                    "DIGEST|EMAIL|" + entry.getKey() + "|" + date, digest)) {
                queued++;
            }
        }
        return queued;
    }

    static Digest digest(LocalDate date, UUID managerId, List<Item> items) {
        List<Digest.Line> overdue = new ArrayList<>();
        List<Digest.Line> dueSoon = new ArrayList<>();
        List<Digest.Line> reviews = new ArrayList<>();
        for (Item item : items) {
            long days = Math.max(0, ChronoUnit.DAYS.between(item.dueOn(), date));
            Digest.Line line = new Digest.Line(item.offenderId(), item.pncId(), item.riskLevel(), item.dueOn(), days);
            switch (item.kind()) {
                // A due-soon item whose day has passed is overdue now, even before the scan says so.
                case "DUE_SOON" -> (date.isAfter(item.dueOn()) ? overdue : dueSoon).add(line);
                case "OVERDUE" -> overdue.add(line);
                default -> reviews.add(line);
            }
        }
        java.util.Comparator<Digest.Line> mostOverdue = java.util.Comparator.comparingLong(Digest.Line::daysOverdue).reversed()
                .thenComparing(Digest.Line::pncId);
        overdue.sort(mostOverdue);
        dueSoon.sort(java.util.Comparator.comparing(Digest.Line::dueOn).thenComparing(Digest.Line::pncId));
        reviews.sort(mostOverdue);
        return new Digest(date, managerId, overdue, dueSoon, reviews);
    }

    private List<Item> openItems() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select offender_id, kind, due_on, pnc_id, risk_level,"
                        + " area_code, manager_id from open_item order by manager_id");
                ResultSet rs = select.executeQuery()) {
            List<Item> items = new ArrayList<>();
            while (rs.next()) {
                items.add(new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class)));
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read open items", e);
        }
    }

    record Item(UUID offenderId, String kind, LocalDate dueOn, String pncId, String riskLevel, String areaCode, UUID managerId) {
    }
}
