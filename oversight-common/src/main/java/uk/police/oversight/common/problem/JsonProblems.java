package uk.police.oversight.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Explains why a JSON body could not be read, naming the field, without exposing Java class names. */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** The field that could not be read and why, when the failure is about one field. */
    public static Optional<FieldError> fieldError(Throwable failure) {
        JsonMappingException mapping = causeOf(failure, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            return Optional.of(new FieldError(path(mapping), fieldProblem(mapping)));
        }
        return Optional.empty();
    }

    /** One sentence on why the body could not be read. */
    public static String reason(Throwable failure) {
        JsonParseException parse = causeOf(failure, JsonParseException.class);
        if (parse != null) {
            return "malformed JSON at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
        }
        Optional<FieldError> field = fieldError(failure);
        if (field.isPresent()) {
            return field.get().field() + " " + field.get().message();
        }
        if (causeOf(failure, MismatchedInputException.class) != null) {
            return "the body is empty or not the expected JSON structure";
        }
        return "malformed JSON";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String fieldProblem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof uk.police.oversight.common.input.StrictJson.RefusedValue refused) {
            return refused.reason();
        }
        if (e instanceof InvalidFormatException format) {
            return "has an invalid value '" + abbreviate(String.valueOf(format.getValue())) + "': " + expectation(format.getTargetType());
        }
        DateTimeParseException date = causeOf(e, DateTimeParseException.class);
        if (date != null) {
            return "has an invalid value '" + abbreviate(date.getParsedString()) + "': expected a date as YYYY-MM-DD";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "has the wrong type: " + expectation(mismatch.getTargetType());
        }
        return "has an invalid value";
    }

    /** What a value of this Java type looks like in JSON, in words. */
    public static String expectation(Class<?> type) {
        if (type == null) {
            return "unexpected value";
        }
        if (type.isEnum()) {
            return "expected one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "expected a date as YYYY-MM-DD";
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return "expected an ISO-8601 timestamp";
        }
        if (type == UUID.class) {
            return "expected a UUID";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class) {
            return "expected a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (type == String.class) {
            return "expected a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "expected an array";
        }
        return "expected an object";
    }

    static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
