package uk.police.oversight.common.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.common.problem.FieldError;

/**
 * What happened to one item of a batch upsert: each service fills the key it matches items by (offenders their
 * pncId, visits their externalRef) and leaves the other null.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(requiredProperties = {"index", "result"}, name = "BatchItemResult")
public record BatchItemResult(
        @Schema(description = "Position of the item in the request, from 0", examples = "0") int index,
        @Schema(description = "Offenders: the canonical PNC id (as sent when it was not valid)", examples = "1979/0163001B") String pncId,
        @Schema(description = "Visits: the item's external reference", examples = "RMS-2022-000123") String externalRef,
        @Schema(description = "The record's id, unless rejected") UUID id,
        @Schema(enumeration = {"created", "updated", "unchanged", "rejected"}, examples = "created") String result,
        @Schema(description = "Why the item was rejected") List<FieldError> problems) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String UNCHANGED = "unchanged";
    public static final String REJECTED = "rejected";
}
