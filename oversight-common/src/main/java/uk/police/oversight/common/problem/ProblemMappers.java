package uk.police.oversight.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import uk.police.oversight.common.audit.AccessRefusals;
import uk.police.oversight.common.audit.AuditAction;
import uk.police.oversight.common.audit.AuditOutcome;
import uk.police.oversight.common.audit.AuditRecord;
import uk.police.oversight.common.security.Caller;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.police.oversight.common.web.RequestIdFilter;

/**
 * Maps every exception that can leave a resource to one problem+json answer. Client mistakes become 4xx with the
 * offending field named; anything unexpected becomes a 500 that names only the request id (the stack trace goes to
 * the log, never to the client).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final java.util.Set<String> RETRYABLE = java.util.Set.of("40001", "40P01");
    /** The database went away or is not taking connections: shutting down, restarting, or too many clients. */
    private static final java.util.Set<String> DATABASE_AWAY = java.util.Set.of("08000", "08001", "08003", "08004", "08006", "08007",
            "57P01", "57P02", "57P03", "53300");

    @Inject
    Instance<AccessRefusals> refusals;

    @Inject
    Instance<Caller> callers;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "oversight")
    String service;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.type(), e.getMessage(), e.errors(), e.headers(), request);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> bodyErrors = new ArrayList<>();
        List<FieldError> parameterErrors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            boolean inBody = !(violation.getLeafBean() instanceof QueryParameters) && hasPropertyNode(violation.getPropertyPath());
            (inBody ? bodyErrors : parameterErrors).add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        if (!parameterErrors.isEmpty()) {
            parameterErrors.sort(Comparator.comparing(FieldError::field));
            return respond(ProblemType.BAD_REQUEST, describe(parameterErrors, "parameter"), parameterErrors, Map.of(), request);
        }
        bodyErrors.sort(Comparator.comparing(FieldError::field));
        return respond(ProblemType.VALIDATION, describe(bodyErrors, "field"), bodyErrors, Map.of(), request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return respond(ProblemType.BAD_REQUEST, "The request body could not be read: " + JsonProblems.reason(e),
                JsonProblems.fieldError(e).map(List::of).orElse(List.of()), Map.of(), request);
    }

    /** Quarkus maps this subtype itself, with an empty body; this mapper is more specific than its. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    /** Jackson cannot build or write a type: a fault of ours (Quarkus would answer a bare 500), a logged 500 problem. */
    @ServerExceptionMapper
    public Response invalidDefinition(com.fasterxml.jackson.databind.exc.InvalidDefinitionException e, HttpServerRequest request) {
        LOG.errorf(e, "Unexpected failure of %s %s", request == null ? "?" : request.method(), request == null ? "?" : request.path());
        return respond(ProblemType.INTERNAL, "The request failed unexpectedly; quote the request id when reporting it", request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return respond(ProblemType.UNAUTHORIZED, "A valid bearer token is required", List.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"), request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return respond(ProblemType.UNAUTHORIZED, "The bearer token is not valid (signature, issuer, audience or expiry)",
                List.of(), Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""), request);
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, HttpServerRequest request) {
        Response refusal = respond(ProblemType.FORBIDDEN, "Your roles do not allow this operation", request);
        if (!refusals.isResolvable() || !callers.isResolvable() || request == null) {
            return Uni.createFrom().item(refusal);
        }
        // A refused attempt is kept in the audit log too (DPA 2018 s.62): who tried what, with which roles. The role
        // check may run on an I/O thread, so the entry is written on a worker, from what is known of the caller here.
        Caller caller = callers.get();
        AuditRecord entry = new AuditRecord(null, Instant.now(), caller.subject(), List.copyOf(caller.roles()), actionOf(request),
                List.of(), service, caller.requestId(), caller.justificationOrNull(), request.method() + " " + request.uri(),
                AuditOutcome.REFUSED);
        return Uni.createFrom().item(() -> {
            refusals.get().refused(entry);
            return refusal;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).onFailure().recoverWithItem(failure -> {
            LOG.errorf(failure, "Could not record a refused %s %s in the audit log", request.method(), request.path());
            return respond(ProblemType.SERVICE_UNAVAILABLE, "The request could not be recorded; retry", List.of(),
                    Map.of("Retry-After", "2"), request);
        });
    }

    /** What a refused request would have done to offender data: read it, change it, or erase it. */
    static AuditAction actionOf(HttpServerRequest request) {
        return switch (request.method().name()) {
            case "GET", "HEAD", "OPTIONS" -> AuditAction.CONSULT;
            case "DELETE" -> AuditAction.ERASE;
            default -> AuditAction.ALTER;
        };
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        if (e.getCause() != null) {
            // RESTEasy answers 404 when a path parameter cannot be converted; that is the client's malformed input.
            return respond(ProblemType.BAD_REQUEST, "A path or query parameter has the wrong format: "
                    + conversionReason(e.getCause()), request);
        }
        return respond(ProblemType.NOT_FOUND, "No resource at " + (request == null ? "this path" : request.path()), request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        JsonProcessingException json = JsonProblems.causeOf(e, JsonProcessingException.class);
        if (json != null) {
            return unreadableJson(json, request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 400 && e.getCause() != null
                ? "A parameter has the wrong format: " + conversionReason(e.getCause())
                : messageOr(e, type.title());
        Map<String, String> headers = e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null
                ? Map.of("Allow", e.getResponse().getHeaderString("Allow"))
                : Map.of();
        return respond(type, detail, List.of(), headers, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        JsonProcessingException json = JsonProblems.causeOf(e, JsonProcessingException.class);
        if (json != null) {
            return unreadableJson(json, request);
        }
        SQLException sql = JsonProblems.causeOf(e, SQLException.class);
        if (sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            // A concurrent request created the same thing first; the client's retry will see it.
            return respond(ProblemType.CONFLICT, "The record conflicts with one created at the same moment; retry", request);
        }
        String databaseAway = databaseAway(e, 0);
        if (databaseAway != null) {
            // A database restart or fail-over: the pool reconnects by itself; the client's retry will be served.
            LOG.warnf("Database unavailable for %s %s: %s", request == null ? "?" : request.method(), request == null ? "?" : request.path(),
                    databaseAway);
            // Lost while committing, the change may or may not have been saved: the client must look before sending again.
            String detail = JsonProblems.causeOf(e, jakarta.transaction.RollbackException.class) != null
                    ? "The database connection was lost while saving; the change may or may not have been saved: check before sending it again"
                    : "The database is unavailable for a moment; retry";
            return respond(ProblemType.SERVICE_UNAVAILABLE, detail, List.of(), Map.of("Retry-After", "2"), request);
        }
        if (sql != null && RETRYABLE.contains(sql.getSQLState())) {
            return respond(ProblemType.SERVICE_UNAVAILABLE, "A concurrent change got in the way; retry", List.of(),
                    Map.of("Retry-After", "1"), request);
        }
        LOG.errorf(e, "Unexpected failure of %s %s", request == null ? "?" : request.method(), request == null ? "?" : request.path());
        return respond(ProblemType.INTERNAL, "The request failed unexpectedly; quote the request id when reporting it", request);
    }

    /**
     * Why the database is out of reach, if that is what {@code e} comes down to: a lost or refused connection (the
     * connection states of SQL state class 08, Hibernate's JDBCConnectionException) or a server shutting down or full, found among the causes
     * and the suppressed exceptions (a commit that failed has its reason suppressed in the transaction manager's).
     */
    static String databaseAway(Throwable e, int depth) {
        if (e == null || depth > 12) {
            return null;
        }
        if (e instanceof org.hibernate.exception.JDBCConnectionException) {
            return e.getMessage();
        }
        if (e instanceof SQLException sql && DATABASE_AWAY.contains(sql.getSQLState())) {
            return sql.getMessage();
        }
        for (Throwable suppressed : e.getSuppressed()) {
            String found = databaseAway(suppressed, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return e.getCause() == e ? null : databaseAway(e.getCause(), depth + 1);
    }

    private static Response respond(ProblemType type, String detail, HttpServerRequest request) {
        return respond(type, detail, List.of(), Map.of(), request);
    }

    private static Response respond(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers,
            HttpServerRequest request) {
        return ProblemResponses.of(type, detail, errors, headers, request == null ? null : request.path(),
                RequestIdFilter.of(request));
    }

    private static String describe(List<FieldError> errors, String noun) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " " + noun + "s are invalid";
    }

    private static boolean hasPropertyNode(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** The path of a violation without the method and parameter nodes: `address.postcode`, `items[2].pncId`, `size`. */
    static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        String parameterName = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameterName = node.getName();
                default -> {
                    if (node.getName() != null) {
                        if (node.getIndex() != null && name.length() > 0) {
                            name.append('[').append(node.getIndex()).append(']');
                        }
                        if (name.length() > 0) {
                            name.append('.');
                        }
                        name.append(node.getName());
                    } else if (node.getIndex() != null) {
                        name.append('[').append(node.getIndex()).append(']');
                    }
                }
            }
        }
        return name.length() > 0 ? name.toString() : parameterName;
    }

    private static String conversionReason(Throwable cause) {
        String enumProblem = enumProblem(cause);
        if (enumProblem != null) {
            return enumProblem;
        }
        if (cause instanceof DateTimeParseException date) {
            return "'" + JsonProblems.abbreviate(date.getParsedString()) + "' is not a date as YYYY-MM-DD";
        }
        if (cause instanceof NumberFormatException) {
            return "expected a whole number";
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null && cause.getMessage().contains("UUID")) {
            return "expected a UUID";
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null && cause.getMessage().endsWith("is not true or false")) {
            return cause.getMessage();
        }
        return "unexpected value";
    }

    /** "'FOO' is not one of LOW, MEDIUM, …" from the message of a failed Enum.valueOf. */
    private static String enumProblem(Throwable cause) {
        String message = cause == null ? null : cause.getMessage();
        String prefix = "No enum constant ";
        if (!(cause instanceof IllegalArgumentException) || message == null || !message.startsWith(prefix)) {
            return null;
        }
        String qualified = message.substring(prefix.length());
        int lastDot = qualified.lastIndexOf('.');
        if (lastDot < 0) {
            return null;
        }
        try {
            Class<?> type = Class.forName(qualified.substring(0, lastDot), false, Thread.currentThread().getContextClassLoader());
            return "'" + JsonProblems.abbreviate(qualified.substring(lastDot + 1)) + "' is not valid: " + JsonProblems.expectation(type);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String messageOr(Throwable e, String fallback) {
        String message = e.getMessage();
        return message == null || message.isBlank() || message.startsWith("HTTP ") ? fallback : message;
    }

}
