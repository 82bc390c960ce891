package uk.police.oversight.assurance.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI description of assurance-service. */
@OpenAPIDefinition(
        info = @Info(title = "Offender Management Oversight — assurance-service", version = "1.0",
                description = """
                        The oversight layer (SPEC section 9): compliance snapshots and trends rated against the force's \
                        thresholds, backlog ageing, assurance samples for independent panels with pseudonymised case \
                        files, the action tracker, and the monthly report pack. Aggregates only for scrutiny: nothing \
                        here returns a name, PNC id, address, date of birth or offender id. Errors are RFC 9457 \
                        problem+json.""",
                contact = @Contact(name = "Offender Management Oversight")),
        tags = {
            @Tag(name = "Oversight", description = "Snapshots, trends, thresholds and backlog ageing"),
            @Tag(name = "Assurance samples", description = "Dip-samples for independent panels: draws, case files, findings"),
            @Tag(name = "Actions", description = "The action tracker of the accountability meeting"),
            @Tag(name = "Reports", description = "The monthly report pack")})
public class AssuranceServiceApi extends Application {
}
