package uk.police.oversight.assurance.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.police.oversight.assurance.snapshot.Figures;

/**
 * What assurance-service reads from the services that own the data, through their public APIs (docs/openapi.json):
 * visit-scheduler's compliance figures (the one source of truth for the overdue rule) and the records a pseudonymised
 * case file is made from. Calls time out, retry reads once and open a circuit when the other side keeps failing; a
 * 404 means the record is gone (erased) or out of the caller's reach.
 */
@ApplicationScoped
public class Upstream {

    @Inject
    @RestClient
    VisitSchedulerClient visits;

    @Inject
    @RestClient
    OffenderServiceClient offenders;

    /** visit-scheduler's summary as of a date, read with {@code bearer} (so the caller's own areas apply). */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public Summary summary(String bearer, String requestId, LocalDate asOf, String areaCode) {
        return visits.summary(bearer, requestId, asOf, areaCode);
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, abortOn = WebApplicationException.class)
    public List<CommunityOffender> community(String bearer, String requestId, String justification, LocalDate asOf,
            boolean overdueOnly) {
        return visits.community(bearer, requestId, justification, asOf, overdueOnly);
    }

    /** The records behind one case file; empty when the offender is no longer there (erased). */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, abortOn = WebApplicationException.class)
    public Optional<CaseRecords> caseRecords(String bearer, String requestId, String justification, UUID offenderId,
            LocalDate asOf) {
        try {
            Offender offender = offenders.offender(bearer, requestId, justification, offenderId);
            List<RiskAssessment> assessments = offenders.riskAssessments(bearer, requestId, justification, offenderId);
            List<StatusChange> changes = offenders.statusChanges(bearer, requestId, justification, offenderId);
            Schedule schedule = visits.schedule(bearer, requestId, justification, offenderId, asOf);
            List<Visit> visitList = new ArrayList<>();
            for (int page = 0; ; page++) {
                VisitPage read = visits.visits(bearer, requestId, justification, offenderId, asOf, page, 500);
                visitList.addAll(read.items());
                if (page + 1 >= read.totalPages()) {
                    break;
                }
            }
            return Optional.of(new CaseRecords(offender, assessments, changes, visitList, schedule));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** visit-scheduler's summary, as much of it as a snapshot keeps (byManager is never read). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(LocalDate asOf, String areaCode, long inScope, long overdue, double complianceRate,
            Long oldestDaysOverdue, long overdueRiskReviews, long inCommunity, double reviewComplianceRate, long reactive,
            List<Figures.Area> byArea, List<Figures.Risk> byRiskLevel, List<Figures.BandCount> byBand,
            List<Figures.RiskBand> byRiskAndBand) {

        public Figures figures() {
            return new Figures(inScope, overdue, complianceRate, oldestDaysOverdue, overdueRiskReviews, inCommunity,
                    reviewComplianceRate, reactive, byArea, byRiskLevel, byBand, byRiskAndBand);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommunityOffender(UUID offenderId, String areaCode, String riskLevel, String managementMode,
            UUID managerId) {
    }

    /** The fields of offender-service's record a case file may show; the rest (names, PNC, address, birth) are not read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offender(UUID id, int mappaCategory, int mappaLevel, String riskLevel, String managementMode,
            String status, LocalDate registeredOn, String areaCode, UUID managerId) {
    }

    /** A risk assessment without its notes (free text is never read). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RiskAssessment(LocalDate assessedOn, String riskLevel, String tool) {
    }

    /** A status change without its reason (free text is never read). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(String status, LocalDate effectiveOn) {
    }

    /** A visit without its notes, officer or reference. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Visit(LocalDate visitDate, String type, String outcome, boolean announced) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VisitPage(List<Visit> items, int totalPages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(LocalDate asOf, boolean inScope, int intervalMonths, LocalDate lastVisitOn, LocalDate dueOn,
            boolean overdue, long daysOverdue, String band, int consecutiveNoAccess, boolean warrantEligible,
            LocalDate reviewDueOn, boolean reviewOverdue) {
    }

    public record CaseRecords(Offender offender, List<RiskAssessment> assessments, List<StatusChange> statusChanges,
            List<Visit> visits, Schedule schedule) {
    }
}
