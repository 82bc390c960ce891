package uk.police.oversight.offender.events;

import java.util.UUID;

/** The payload of offender.erased: which record every service must now forget. */
public record OffenderErasedData(UUID offenderId) {
}
