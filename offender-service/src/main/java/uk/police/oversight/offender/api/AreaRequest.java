package uk.police.oversight.offender.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.common.input.SingleLine;

/** A new policing area. */
@Schema(name = "AreaRequest")
public record AreaRequest(
        @NotNull @Size(max = 20) @Pattern(regexp = "[A-Z0-9_-]{2,20}", message = "must be 2 to 20 capital letters, digits, _ or -")
        @Schema(description = "Short code used in tokens' areas claim", examples = "BRS", required = true)
        String code,
        @NotBlank @Size(max = 100) @SingleLine
        @Schema(examples = "Bristol", required = true)
        String name) {
}
