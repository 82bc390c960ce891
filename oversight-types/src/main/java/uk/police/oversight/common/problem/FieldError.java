package uk.police.oversight.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request, named by its JSON path (`address.postcode`, `items[3].pncId`) or parameter name. */
@Schema(requiredProperties = {"field", "message"}, name = "FieldError", description = "One invalid field or parameter")
public record FieldError(
        @Schema(description = "JSON path of the field, or the query/path parameter name", examples = "address.postcode")
        String field,
        @Schema(description = "What is wrong with it", examples = "must be a valid UK postcode")
        String message) {
}
