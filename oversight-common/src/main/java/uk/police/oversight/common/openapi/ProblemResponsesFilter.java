package uk.police.oversight.common.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import uk.police.oversight.common.problem.Problem;
import uk.police.oversight.common.problem.ProblemType;

/**
 * Makes every error response in the OpenAPI document a problem+json with the Problem schema, including the 401/403
 * answers Quarkus adds for secured operations, so integrators can rely on one error shape.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            if (!isError(entry.getKey())) {
                continue;
            }
            APIResponse response = entry.getValue();
            if (response.getDescription() == null || response.getDescription().isBlank()
                    || response.getDescription().equals("Not Authorized") || response.getDescription().equals("Not Allowed")) {
                response.setDescription(describe(entry.getKey()));
            }
            Content content = response.getContent();
            if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            throw new IllegalStateException("The Problem schema is missing from the OpenAPI components");
        }
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static String describe(String code) {
        return switch (code) {
            case "401" -> "No bearer token, or the token is invalid or expired";
            case "403" -> "The caller's roles do not allow this operation";
            default -> {
                try {
                    yield ProblemType.forStatus(Integer.parseInt(code)).title();
                } catch (NumberFormatException e) {
                    yield "Error";
                }
            }
        };
    }
}
