package uk.police.oversight.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Applies {@link InputRules} to every JSON body: a string with a NUL character or an unpaired surrogate, or a date
 * that is not YYYY-MM-DD with a four-digit year, is a 400 naming the field, the same as any other unreadable value,
 * instead of reaching the database and failing there. An object naming the same key twice is malformed JSON.
 *
 * <p>No value is coerced into another type: a number is not an enum value (Jackson would take {@code 3} or
 * {@code "3"} as the fourth constant, so a records system's own risk code would silently become VERY_HIGH), a
 * fraction is not a whole number, a string is not a number or a boolean, a number is not a string, null is not a
 * primitive, and nothing may follow the JSON document. Each of these is a 400 naming the field (docs/api.md).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // A key twice in one object is ambiguous (which one wins differs between parsers): refused as malformed JSON.
        mapper.getFactory().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        refuseCoercions(mapper);
        mapper.registerModule(module());
    }

    /** Turns off every conversion of one JSON type into another; shared with mappers built outside CDI. */
    public static ObjectMapper refuseCoercions(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /** Last, so that these readers are registered after (and so take precedence over) Java-time's LocalDate reader. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** The module, for mappers built outside CDI (tests, the batch readers). */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("oversight-strict-input");
        module.addDeserializer(String.class, new CheckedStrings());
        module.addDeserializer(LocalDate.class, new Dates());
        return module;
    }

    /** A value refused by {@link InputRules}; {@link #reason()} is what the client is told about the field. */
    public static final class RefusedValue extends com.fasterxml.jackson.databind.exc.InvalidFormatException {

        private final String reason;

        RefusedValue(JsonParser parser, String reason, Class<?> type) {
            super(parser, reason, null, type);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                // A number, boolean, object or array where text belongs is the wrong type, not text.
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = super.deserialize(p, ctxt);
            String problem = InputRules.textProblem(text);
            if (problem != null) {
                throw new RefusedValue(p, problem, String.class);
            }
            return text;
        }
    }

    static final class Dates extends StdScalarDeserializer<LocalDate> {

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            try {
                return InputRules.date(text);
            } catch (DateTimeParseException e) {
                throw new RefusedValue(p, "has an invalid value '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                        + "': expected a date as YYYY-MM-DD", LocalDate.class);
            }
        }
    }
}
