package uk.police.oversight.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theApisZeroBasedPagesAreNumberedFromOneWithEllipsesAndTheFiltersKept() throws Exception {
        var list = JSON.readTree("{\"page\": 4, \"size\": 25, \"totalItems\": 240, \"totalPages\": 10}");
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("areaCode", "BRS");
        filters.put("riskLevel", null);
        filters.put("asOf", "2022-06-30");
        Paging paging = Paging.of(list, "/overdue-visits", filters);
        assertEquals(5, paging.page());
        assertEquals("/overdue-visits?page=4&areaCode=BRS&asOf=2022-06-30", paging.previous());
        assertEquals("/overdue-visits?page=6&areaCode=BRS&asOf=2022-06-30", paging.next());
        assertEquals(List.of("1", "\u2026", "4", "5", "6", "\u2026", "10"), paging.items().stream().map(Paging.Item::label).toList());
        assertEquals(List.of(false, false, false, true, false, false, false), paging.items().stream().map(Paging.Item::current).toList());
    }

    @Test
    void oneOrNoPageHasNoPagination() throws Exception {
        Paging paging = Paging.of(JSON.readTree("{\"page\": 0, \"size\": 25, \"totalItems\": 0, \"totalPages\": 0}"), "/actions", Map.of());
        assertFalse(paging.several());
        assertNull(paging.previous());
        assertNull(paging.next());
    }
}
