package uk.police.oversight.assurance.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.police.oversight.assurance.api.CaseFileView;
import uk.police.oversight.assurance.api.FindingView;
import uk.police.oversight.assurance.upstream.Upstream;

/**
 * Makes a pseudonymised case file from the owners' records. It copies field by field only what SPEC section 9 lets
 * a lay panel member see; anything else (names, PNC id, date of birth, address, ids, staff, notes, reasons) is never
 * even read from the records ({@link Upstream} does not map it).
 */
final class CaseFiles {

    private CaseFiles() {
    }

    static CaseFileView pseudonymised(AssuranceSample sample, SampleCase c, Upstream.CaseRecords records, FindingView finding) {
        Upstream.Offender o = records.offender();
        List<CaseFileView.TimelineEntry> timeline = new ArrayList<>();
        for (Upstream.Visit v : records.visits()) {
            if (!v.visitDate().isAfter(sample.populationTo)) {
                timeline.add(new CaseFileView.TimelineEntry(v.visitDate(), "VISIT", v.type(), v.outcome(), v.announced(),
                        null, null, null));
            }
        }
        for (Upstream.RiskAssessment a : records.assessments()) {
            if (!a.assessedOn().isAfter(sample.populationTo)) {
                timeline.add(new CaseFileView.TimelineEntry(a.assessedOn(), "RISK_ASSESSMENT", null, null, null,
                        a.riskLevel(), a.tool(), null));
            }
        }
        for (Upstream.StatusChange s : records.statusChanges()) {
            if (!s.effectiveOn().isAfter(sample.populationTo)) {
                timeline.add(new CaseFileView.TimelineEntry(s.effectiveOn(), "STATUS_CHANGE", null, null, null, null, null,
                        s.status()));
            }
        }
        timeline.sort(Comparator.comparing(CaseFileView.TimelineEntry::date).thenComparing(CaseFileView.TimelineEntry::kind));
        Upstream.Schedule s = records.schedule();
        return new CaseFileView(sample.id, c.caseRef, c.stratum, o.riskLevel(), o.mappaCategory(), o.mappaLevel(),
                o.managementMode(), o.status(), o.registeredOn().getYear(), o.areaCode(), c.managerLabel, timeline,
                new CaseFileView.Schedule(s.asOf(), s.inScope(), s.intervalMonths(), s.lastVisitOn(), s.dueOn(), s.overdue(),
                        s.daysOverdue(), s.band(), s.consecutiveNoAccess(), s.warrantEligible(), s.reviewDueOn(),
                        s.reviewOverdue()),
                finding);
    }
}
