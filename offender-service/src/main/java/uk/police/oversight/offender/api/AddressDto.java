package uk.police.oversight.offender.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.common.input.SingleLine;

/** A UK postal address. */
@Schema(name = "Address")
public record AddressDto(
        @NotBlank @Size(max = 200) @SingleLine @Schema(examples = "14 Harbour Row", required = true) String line1,
        @Size(max = 200) @SingleLine @Schema(examples = "Hotwells") String line2,
        @NotBlank @Size(max = 100) @SingleLine @Schema(examples = "Bristol", required = true) String town,
        @NotBlank @Size(max = 10)
        @Pattern(regexp = "\\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\\s*[0-9][A-Za-z]{2}\\s*", message = "must be a UK postcode")
        @Schema(examples = "BS8 4RN", required = true) String postcode) {

    /** The postcode in upper case with one space before the inward code. */
    public String normalisedPostcode() {
        String compact = postcode.replaceAll("\\s", "").toUpperCase();
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
}
