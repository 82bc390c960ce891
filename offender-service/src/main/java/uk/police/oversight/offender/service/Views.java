package uk.police.oversight.offender.service;

import uk.police.oversight.offender.api.AddressDto;
import uk.police.oversight.offender.api.AreaView;
import uk.police.oversight.offender.api.HistoryEntryView;
import uk.police.oversight.offender.api.OffenderView;
import uk.police.oversight.offender.api.RiskAssessmentView;
import uk.police.oversight.offender.api.StaffView;
import uk.police.oversight.offender.api.StatusChangeView;
import uk.police.oversight.offender.model.Area;
import uk.police.oversight.offender.model.HistoryEntry;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.offender.model.RiskAssessment;
import uk.police.oversight.offender.model.Staff;
import uk.police.oversight.offender.model.StatusChange;

/** Entity to API view mapping; resources never return entities. */
public final class Views {

    private Views() {
    }

    public static AreaView of(Area area) {
        return new AreaView(area.code, area.name);
    }

    public static StaffView of(Staff staff) {
        return new StaffView(staff.id, staff.staffNumber, staff.name, staff.email, staff.role, staff.areaCode, staff.active);
    }

    public static OffenderView of(Offender o) {
        return new OffenderView(o.id, o.pncId, o.firstName, o.lastName, o.dateOfBirth,
                new AddressDto(o.address.line1, o.address.line2, o.address.town, o.address.postcode),
                o.mappaCategory, o.mappaLevel, o.riskLevel, o.managementMode, o.status, o.statusSince, o.areaCode,
                o.managerId, o.registeredOn, o.notificationEndsOn, o.visitIntervalMonths, o.lastRiskAssessmentOn,
                o.version, o.createdAt, o.updatedAt);
    }

    public static RiskAssessmentView of(RiskAssessment a) {
        return new RiskAssessmentView(a.id, a.offenderId, a.assessedOn, a.riskLevel, a.tool, a.notes, a.recordedBy, a.recordedAt);
    }

    public static StatusChangeView of(StatusChange c) {
        return new StatusChangeView(c.id, c.offenderId, c.status, c.previousStatus, c.effectiveOn, c.reason, c.recordedBy,
                c.recordedAt);
    }

    public static HistoryEntryView of(HistoryEntry h) {
        return new HistoryEntryView(h.at, h.actor, h.change, h.before, h.after, h.requestId);
    }
}
