package uk.police.oversight.common.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No JSON value is turned into a value of another type: each such body is refused, naming the field. */
class StrictJsonTest {

    enum Risk { LOW, MEDIUM, HIGH, VERY_HIGH }

    record Item(Risk risk, Integer category, int level, Boolean announced, boolean flag, String name, LocalDate on,
            UUID id, Double score, List<Risk> risks) {
    }

    private final ObjectMapper mapper = StrictJson.refuseCoercions(new ObjectMapper().registerModule(new JavaTimeModule()))
            .registerModule(StrictJson.module());

    private static final String VALID = """
            {"risk": "HIGH", "category": 1, "level": 2, "announced": false, "flag": true, "name": "Ann",
             "on": "2022-06-30", "id": "5b0f8c1e-2d7a-4b5e-9a53-7c1d0f0a9e21", "score": 3, "risks": ["LOW"]}""";

    @Test
    void valuesOfTheRightTypeAreRead() throws Exception {
        Item item = mapper.readValue(VALID + "  \n", Item.class);
        assertEquals(Risk.HIGH, item.risk());
        assertEquals(1, item.category());
        assertEquals(3.0, item.score(), "a whole number is a number");
        assertEquals(List.of(Risk.LOW), item.risks());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"risk\": 3", "\"risk\": \"3\"", "\"risk\": 0", "\"risk\": 1.0", "\"risk\": \"\"", "\"risks\": [2]",
            "\"category\": 1.9", "\"category\": 1.0", "\"category\": \"1\"", "\"category\": true",
            "\"level\": 2.5", "\"level\": \"2\"", "\"level\": null",
            "\"announced\": \"false\"", "\"announced\": 0", "\"flag\": 1", "\"flag\": \"true\"", "\"flag\": null",
            "\"name\": 123", "\"name\": true", "\"name\": {}", "\"name\": [\"Ann\"]",
            "\"on\": 20220630", "\"id\": 5", "\"score\": \"3\""})
    void aValueOfAnotherTypeIsRefusedNamingTheField(String field) {
        String name = field.substring(1, field.indexOf('"', 1));
        String body = VALID.replaceFirst("\"" + name + "\": [^,}]+(\\])?", java.util.regex.Matcher.quoteReplacement(field));
        JsonMappingException refused = assertThrows(JsonMappingException.class, () -> mapper.readValue(body, Item.class), body);
        assertEquals(name, refused.getPath().get(0).getFieldName(), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {" x", " {}", " []", " 1", " \"more\"", "}"})
    void nothingMayFollowTheDocument(String trailing) {
        assertThrows(com.fasterxml.jackson.core.JacksonException.class, () -> mapper.readValue(VALID + trailing, Item.class));
    }
}
