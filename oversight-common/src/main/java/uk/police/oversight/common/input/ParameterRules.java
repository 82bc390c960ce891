package uk.police.oversight.common.input;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.ProblemResponses;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.web.RequestIdFilter;

/**
 * Applies {@link InputRules} to path and query parameters, before any resource sees them: a NUL character anywhere
 * is a 400 naming the parameter, a date parameter is read as YYYY-MM-DD only, and a boolean one as true or false
 * only.
 */
@Provider
public class ParameterRules implements ParamConverterProvider {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnstorableText(ContainerRequestContext context, HttpServerRequest request) {
        // X-Justification goes into the audit log whatever the operation: every operation takes it, and checks it.
        String justification = uk.police.oversight.common.security.Caller.headerText(context.getHeaderString(
                uk.police.oversight.common.security.Caller.JUSTIFICATION_HEADER));
        if (justification != null) {
            String problem = InputRules.singleLineProblem(justification);
            if (problem == null && justification.codePointCount(0, justification.length()) > 500) {
                problem = "must be at most 500 characters";
            }
            if (problem != null) {
                return ProblemResponses.of(ProblemType.BAD_REQUEST, "Invalid header X-Justification",
                        List.of(new FieldError(uk.police.oversight.common.security.Caller.JUSTIFICATION_HEADER, problem)),
                        Map.of(), request == null ? null : request.path(), RequestIdFilter.of(request));
            }
        }
        UriInfo uri = context.getUriInfo();
        String pathProblem = InputRules.textProblem(uri.getPath(true));
        if (pathProblem != null) {
            return refuse("path", pathProblem, request);
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters(true).entrySet()) {
            String nameProblem = InputRules.textProblem(parameter.getKey());
            if (nameProblem != null) {
                return refuse("query", nameProblem, request);
            }
            for (String value : parameter.getValue()) {
                String problem = InputRules.textProblem(value);
                if (problem != null) {
                    return refuse(parameter.getKey(), problem, request);
                }
            }
        }
        return null;
    }

    private static Response refuse(String parameter, String problem, HttpServerRequest request) {
        return ProblemResponses.of(ProblemType.BAD_REQUEST, "A parameter " + problem, List.of(new FieldError(parameter, problem)),
                Map.of(), request == null ? null : request.path(), RequestIdFilter.of(request));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new ParamConverter<Boolean>() {
                @Override
                public Boolean fromString(String value) {
                    // Boolean.valueOf reads anything but "true" as false: ?active=maybe would list the inactive staff.
                    if (value == null) {
                        return null;
                    }
                    return switch (value) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> throw new IllegalArgumentException("'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                                + "' is not true or false");
                    };
                }

                @Override
                public String toString(Boolean value) {
                    return value == null ? null : value.toString();
                }
            };
        }
        if (rawType != LocalDate.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<LocalDate>() {
            @Override
            public LocalDate fromString(String value) {
                return value == null ? null : InputRules.date(value);
            }

            @Override
            public String toString(LocalDate value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
