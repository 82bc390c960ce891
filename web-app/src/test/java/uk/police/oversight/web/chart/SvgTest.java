package uk.police.oversight.web.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgTest {

    @Test
    void aLineChartIsWellFormedSvgWithATitleALineAndALegendEntryPerArea() throws Exception {
        String svg = Svg.lines("overdue-chart", "Overdue <by> area", List.of("Nov 25", "Dec 25", "Jan 26"),
                List.of(new Svg.Series("Bristol", Arrays.asList(9.0, 10.0, null)), new Svg.Series("Somerset", List.of(5.0, 8.0, 11.0))), "");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes()));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("img", doc.getDocumentElement().getAttribute("role"));
        assertEquals("Overdue <by> area", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        assertTrue(svg.contains(">Bristol<") && svg.contains(">Somerset<"), "a legend entry per line");
        assertFalse(svg.contains("style="), "no inline style: the pages' policy allows none");
        // A missing point is left out of its line, not drawn at zero.
        String bristol = doc.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points").getNodeValue();
        assertEquals(2, bristol.split(" ").length);
    }

    @Test
    void scalesAreRoundNumbersAndRatesEndAtAHundred() {
        assertArrayEquals(new double[] {0, 20, 5}, Svg.countScale(16));
        assertArrayEquals(new double[] {0, 250, 50}, Svg.countScale(217));
        assertArrayEquals(new double[] {0, 4, 1}, Svg.countScale(0));
        double[] rate = Svg.percentScale(97.2, 99.5);
        assertEquals(100, rate[1]);
        assertTrue(rate[0] <= 97.2 && rate[0] >= 80, Arrays.toString(rate));
    }
}
