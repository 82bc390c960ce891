package uk.police.oversight.visits.compliance;

import java.time.LocalDate;
import uk.police.oversight.visits.model.VisitOutcome;
import uk.police.oversight.visits.model.VisitType;

/** A visit as the overdue rule sees it. */
public record VisitFact(LocalDate visitDate, VisitType type, VisitOutcome outcome) {
}
