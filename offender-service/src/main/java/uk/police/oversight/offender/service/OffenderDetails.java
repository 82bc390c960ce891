package uk.police.oversight.offender.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import uk.police.oversight.offender.model.Address;
import uk.police.oversight.offender.model.ManagementMode;
import uk.police.oversight.offender.model.Offender;
import uk.police.oversight.offender.model.OffenderStatus;
import uk.police.oversight.offender.model.RiskLevel;

/**
 * The validated, normalised facts of an offender's record: what a request asks the record to be. Comparing the facts
 * of a record before and after a change gives the history entry's before and after.
 */
public record OffenderDetails(
        String pncId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String addressLine1,
        String addressLine2,
        String town,
        String postcode,
        int mappaCategory,
        int mappaLevel,
        RiskLevel riskLevel,
        ManagementMode managementMode,
        OffenderStatus status,
        LocalDate statusSince,
        String areaCode,
        UUID managerId,
        LocalDate registeredOn,
        LocalDate notificationEndsOn,
        Integer visitIntervalMonths,
        LocalDate lastRiskAssessmentOn) {

    public static OffenderDetails of(Offender o) {
        return new OffenderDetails(o.pncId, o.firstName, o.lastName, o.dateOfBirth, o.address.line1, o.address.line2,
                o.address.town, o.address.postcode, o.mappaCategory, o.mappaLevel, o.riskLevel, o.managementMode,
                o.status, o.statusSince, o.areaCode, o.managerId, o.registeredOn, o.notificationEndsOn,
                o.visitIntervalMonths, o.lastRiskAssessmentOn);
    }

    /** Writes these facts onto the entity. */
    public void applyTo(Offender o) {
        o.pncId = pncId;
        o.firstName = firstName;
        o.lastName = lastName;
        o.dateOfBirth = dateOfBirth;
        if (o.address == null) {
            o.address = new Address();
        }
        o.address.line1 = addressLine1;
        o.address.line2 = addressLine2;
        o.address.town = town;
        o.address.postcode = postcode;
        o.mappaCategory = mappaCategory;
        o.mappaLevel = mappaLevel;
        o.riskLevel = riskLevel;
        o.managementMode = managementMode;
        o.status = status;
        o.statusSince = statusSince;
        o.areaCode = areaCode;
        o.managerId = managerId;
        o.registeredOn = registeredOn;
        o.notificationEndsOn = notificationEndsOn;
        o.visitIntervalMonths = visitIntervalMonths;
        o.lastRiskAssessmentOn = lastRiskAssessmentOn;
    }

    /** The facts as API field names and JSON-friendly values, in a stable order. */
    public Map<String, Object> asFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pncId", pncId);
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("dateOfBirth", text(dateOfBirth));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", addressLine1);
        address.put("line2", addressLine2);
        address.put("town", town);
        address.put("postcode", postcode);
        fields.put("address", address);
        fields.put("mappaCategory", mappaCategory);
        fields.put("mappaLevel", mappaLevel);
        fields.put("riskLevel", text(riskLevel));
        fields.put("managementMode", text(managementMode));
        fields.put("status", text(status));
        fields.put("statusSince", text(statusSince));
        fields.put("areaCode", areaCode);
        fields.put("managerId", text(managerId));
        fields.put("registeredOn", text(registeredOn));
        fields.put("notificationEndsOn", text(notificationEndsOn));
        fields.put("visitIntervalMonths", visitIntervalMonths);
        fields.put("lastRiskAssessmentOn", text(lastRiskAssessmentOn));
        return fields;
    }

    /** The fields that differ from {@code other}: [before (other's values), after (these values)]. */
    public Change changesFrom(OffenderDetails other) {
        Map<String, Object> mine = asFields();
        Map<String, Object> theirs = other.asFields();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        mine.forEach((field, value) -> {
            if (!Objects.equals(value, theirs.get(field))) {
                before.put(field, theirs.get(field));
                after.put(field, value);
            }
        });
        return new Change(before, after);
    }

    /** The changed fields of a record, before and after. */
    public record Change(Map<String, Object> before, Map<String, Object> after) {
        public boolean isEmpty() {
            return after.isEmpty();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
