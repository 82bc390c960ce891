package uk.police.oversight.assurance.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.police.oversight.assurance.sample.FindingFlag;
import uk.police.oversight.assurance.sample.Grade;

/** A recorded finding. */
@Schema(name = "Finding", requiredProperties = {"caseRef", "grade", "flags", "recordedBy", "recordedAt"})
public record FindingView(String caseRef, Grade grade, List<FindingFlag> flags, String observations,
        @Schema(examples = "panel-member") String recordedBy, Instant recordedAt) {
}
