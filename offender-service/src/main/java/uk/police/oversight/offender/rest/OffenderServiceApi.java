package uk.police.oversight.offender.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI description of offender-service. */
@OpenAPIDefinition(
        info = @Info(title = "Offender Management Oversight — offender-service", version = "1.0",
                description = """
                        The register of offenders, staff and areas, risk assessments and status changes, and their \
                        history. Every call needs a bearer token (RS256) whose `groups` claim holds the \
                        caller's roles and whose `areas` claim holds the areas an offender manager or supervisor may \
                        see; offenders outside them answer 404. Errors are RFC 9457 problem+json. Send `X-Justification` \
                        to record why you consulted a record; every consultation and change is audited.""",
                contact = @Contact(name = "Offender Management Oversight")),
        tags = {
                @Tag(name = "Offenders", description = "Registered offenders"),
                @Tag(name = "Risk assessments", description = "Risk assessments of an offender"),
                @Tag(name = "Status changes", description = "Custody, hospital, return to the community, …"),
                @Tag(name = "Staff", description = "Offender managers and supervisors, and their caseloads"),
                @Tag(name = "Areas", description = "Policing areas")
        })
public class OffenderServiceApi extends Application {
}
