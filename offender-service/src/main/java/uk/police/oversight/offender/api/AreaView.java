package uk.police.oversight.offender.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A policing area as clients see it. */
@Schema(requiredProperties = {"code", "name"}, name = "Area")
public record AreaView(
        @Schema(examples = "BRS") String code,
        @Schema(examples = "Bristol") String name) {
}
