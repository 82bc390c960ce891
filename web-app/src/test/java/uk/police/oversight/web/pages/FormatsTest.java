package uk.police.oversight.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void datesNumbersAndRatesAreWrittenTheGovUkWay() {
        assertEquals("4 June 2025", Formats.date("2025-06-04"));
        assertEquals("4 June 2025", Formats.date("2025-06-04T10:15:30Z"));
        assertEquals("June 2025", Formats.month("2025-06"));
        assertEquals("", Formats.date(null));
        assertEquals("", Formats.date("not a date"));
        assertEquals("1,600", Formats.number(1600));
        assertEquals("16.7", Formats.number(16.66));
        assertEquals("83.4%", Formats.percent(0.834));
        assertEquals("", Formats.percent(null));
        assertEquals("Very high", Formats.words("VERY_HIGH"));
        assertEquals("4 June 2025, 11:15am", Formats.time("2025-06-04T10:15:00Z"));
        assertEquals("HMICFRS area for improvement", Formats.source("HMICFRS_AFI"));
    }

    @Test
    void changesAreSignedAndRatesChangeInPoints() {
        assertEquals("+12", Formats.change(12));
        assertEquals("\u22123.5", Formats.change(-3.5));
        assertEquals("no change", Formats.change(0));
        assertEquals("no earlier figure", Formats.change(null));
        assertEquals("+0.5 points", Formats.change(0.005, "%"));
    }

    @Test
    void ragIsATagColourAndAWord() {
        assertEquals("govuk-tag--red", Formats.ragClass("RED"));
        assertEquals("govuk-tag--yellow", Formats.ragClass("AMBER"));
        assertEquals("govuk-tag--green", Formats.ragClass("GREEN"));
        assertEquals("govuk-tag--grey", Formats.ragClass(null));
        assertEquals("No threshold", Formats.ragWord(null));
        assertEquals("Amber", Formats.ragWord("AMBER"));
    }
}
