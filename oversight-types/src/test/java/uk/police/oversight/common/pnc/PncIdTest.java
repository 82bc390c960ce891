package uk.police.oversight.common.pnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PncIdTest {

    private static final int CURRENT_YEAR = 2026;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // The examples of SPEC section 3.
            "2008/0056560Z, 2008/0056560Z",
            "1981/0154257C, 1981/0154257C",
            "79/163001B,    1979/0163001B",
            "81/34U,        1981/0000034U",
            // Without the slash, lower case, surrounding space.
            "20080056560Z,  2008/0056560Z",
            "79163001B,     1979/0163001B",
            "8134U,         1981/0000034U",
            "' 2008/0056560z ', 2008/0056560Z",
            // Two-digit years up to the current two-digit year are this century.
            "08/56560Z,     2008/0056560Z",
            "26/1W,         2026/0000001W",
            "27/1L,         1927/0000001L",
            // A 4-digit year with a short serial is padded.
            "2008/56560Z,   2008/0056560Z",
    })
    void acceptsEveryFormAndNormalises(String raw, String canonical) {
        PncId.Result result = PncId.parse(raw, CURRENT_YEAR);
        assertTrue(result.valid(), () -> raw + " should be valid but: " + result.problem());
        assertEquals(canonical, result.pncId().orElseThrow().canonical());
    }

    @ParameterizedTest(name = "{0} rejected: {1}")
    @CsvSource({
            "2008/0056560A,   check letter",
            "1981/0154257D,   check letter",
            "79/163001C,      check letter",
            "81/34V,          check letter",
            "2008/0056560I,   check letter",
            "'',              blank",
            "2008/00565601,   must be",
            "2008-0056560Z,   must be",
            "2008/00565600Z,  must be",
            "208/0056560Z,    must be",
            "2030/0000001X,   not a possible",
            "1850/0000001X,   not a possible",
            "12Z,             must be",
            "ABCD/0056560Z,   must be",
            "'2008/0056560Z; drop table offender', must be",
    })
    void rejectsMalformedIdsAndWrongCheckLetters(String raw, String reason) {
        PncId.Result result = PncId.parse(raw, CURRENT_YEAR);
        assertFalse(result.valid(), raw + " should be rejected");
        assertTrue(result.problem().contains(reason), () -> "problem was: " + result.problem());
    }

    @ParameterizedTest(name = "year {0} serial {1} -> {2}")
    @CsvSource({
            "2008, 56560,  Z",
            "1981, 154257, C",
            "1979, 163001, B",
            "1981, 34,     U",
    })
    void computesTheCheckLetter(int year, int serial, char letter) {
        assertEquals(letter, PncId.checkLetterFor(year, serial));
    }
}
