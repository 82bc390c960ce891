package uk.police.oversight.common.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Ann", "Zoë Ñúñez", "😀 emoji (a surrogate pair)", "שלום right-to-left script", "\u200fmark", "tab\tand\nnewline", "'; drop table x; --"})
    void textThatCanBeStored(String text) {
        assertNull(InputRules.textProblem(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0000b", "\ud800", "x\udc00", "\ud800\ud800", "end\ud83d", "\u0007bell", "\u001b[31mred",
            "del\u007f", "c1\u0085", "\u202eevil\u202c", "\u202aembedded", "\u2066isolate\u2069"})
    void textThatCannot(String text) {
        assertNotNull(InputRules.textProblem(text));
        assertNotNull(InputRules.singleLineProblem(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "tab\there", "cr\r", "line\u2028separator"})
    void oneLineTextHasNoBreaks(String text) {
        assertNull(InputRules.textProblem(text));
        assertNotNull(InputRules.singleLineProblem(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-06-30", "0001-01-01", "9999-12-31", "2024-02-29"})
    void datesAsYyyyMmDd(String text) {
        assertEquals(LocalDate.parse(text), InputRules.date(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 2022-06-30", "2022-06-30 ", "2022-02-30", "2023-02-29", "2022-13-01", "+999999999-12-31", "-999999999-01-01", "+2022-06-30",
            "10000-01-01", "22-06-30", "2022-6-30", "2022-06-30T00:00", "30/06/2022", "２０２２-06-30"})
    void notDates(String text) {
        assertThrows(DateTimeParseException.class, () -> InputRules.date(text));
    }

    record Person(String name, LocalDate born, List<String> tags) {
    }

    @Test
    void jsonBodiesFollowTheSameRulesAndNameTheField() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(StrictJson.module());
        assertEquals(new Person("Zoë", LocalDate.of(1980, 1, 1), List.of("a")),
                mapper.readValue("{\"name\": \"Zoë\", \"born\": \"1980-01-01\", \"tags\": [\"a\"]}", Person.class));
        JsonMappingException nul = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"name\": \"A\\u0000\", \"born\": \"1980-01-01\"}", Person.class));
        assertEquals("name", nul.getPath().get(0).getFieldName());
        assertTrue(nul instanceof StrictJson.RefusedValue);
        JsonMappingException far = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"name\": \"A\", \"born\": \"+999999999-12-31\"}", Person.class));
        assertEquals("born", far.getPath().get(0).getFieldName());
        JsonMappingException inList = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"name\": \"A\", \"tags\": [\"ok\", \"\\ud800\"]}", Person.class));
        assertEquals("tags", inList.getPath().get(0).getFieldName());
    }
}
