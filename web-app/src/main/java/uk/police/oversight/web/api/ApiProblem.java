package uk.police.oversight.web.api;

import java.util.List;
import java.util.Map;

/**
 * The API answered a problem (RFC 9457): its status, its detail and, for invalid input, the field errors, which a
 * form shows in a GOV.UK error summary.
 */
public class ApiProblem extends RuntimeException {

    /** One field the API refused, and why: the field is the API's name for it. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    public ApiProblem(int status, String detail, List<FieldError> errors) {
        super("The API answered " + status + ": " + detail);
        this.status = status;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The field errors by field name, for a form's inline messages. */
    public Map<String, String> byField() {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        errors.forEach(e -> map.putIfAbsent(e.field(), e.message()));
        return map;
    }
}
