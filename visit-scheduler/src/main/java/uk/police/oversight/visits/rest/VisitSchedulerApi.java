package uk.police.oversight.visits.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI description of visit-scheduler. */
@OpenAPIDefinition(
        info = @Info(title = "Offender Management Oversight — visit-scheduler", version = "1.0",
                description = """
                        Visits, the force's visit policy and the compliance engine: when each offender's next home \
                        visit is due, who is overdue a visit or a risk review, by how long, on whose caseload, for any \
                        date (`asOf`). Offender managers and supervisors see only their areas (others answer 404); \
                        scrutiny sees the summary only. Every list that names people is audited."""),
        tags = {
                @Tag(name = "Visits", description = "Recorded visits"),
                @Tag(name = "Compliance", description = "Schedules, overdue visits and risk reviews, summaries"),
                @Tag(name = "Visit policy", description = "The force's visit and review intervals"),
                @Tag(name = "Operations", description = "The compliance scan and the offender projection")
        })
public class VisitSchedulerApi extends Application {
}
