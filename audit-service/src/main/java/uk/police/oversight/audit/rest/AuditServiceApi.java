package uk.police.oversight.audit.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI description of audit-service. */
@OpenAPIDefinition(
        info = @Info(title = "Offender Management Oversight — audit-service", version = "1.0",
                description = """
                        The audit log of processing (DPA 2018 s.62): every consultation, alteration, disclosure and \
                        erasure of offender data by any service, and every refused attempt. Append-only. Every call \
                        needs a bearer token (RS256) with the admin role. Errors are RFC 9457 problem+json.""",
                contact = @Contact(name = "Offender Management Oversight")),
        tags = @Tag(name = "Audit", description = "The audit log of processing (DPA 2018 s.62)"))
public class AuditServiceApi extends Application {
}
