package uk.police.oversight.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GOV.UK pagination for a page of an API list: previous, next and the numbered pages around the current one. */
@io.quarkus.qute.TemplateData
public record Paging(int page, int totalPages, long totalItems, String previous, String next, List<Item> items) {

    /** A numbered page link, or an ellipsis (href null). */
    @io.quarkus.qute.TemplateData
    public record Item(String label, String href, boolean current) {
    }

    /** The pagination of {@code list} (the API's page: 0-based page, totalPages, totalItems); the links number pages from 1, as people do. */
    public static Paging of(JsonNode list, String path, Map<String, ?> query) {
        int size = Math.max(1, list.path("size").asInt(50));
        long total = list.path("totalItems").asLong();
        int totalPages = Math.max(1, list.path("totalPages").asInt((int) ((total + size - 1) / size)));
        int page = list.path("page").asInt(0) + 1;
        List<Item> items = new ArrayList<>();
        for (int p = 1; p <= totalPages; p++) {
            if (p == 1 || p == totalPages || Math.abs(p - page) <= 1) {
                items.add(new Item(Integer.toString(p), link(path, query, p), p == page));
            } else if (items.isEmpty() || items.get(items.size() - 1).href() != null) {
                items.add(new Item("\u2026", null, false));
            }
        }
        return new Paging(page, totalPages, total, page > 1 ? link(path, query, page - 1) : null,
                page < totalPages ? link(path, query, page + 1) : null, items);
    }

    public boolean several() {
        return totalPages > 1;
    }

    static String link(String path, Map<String, ?> query, int page) {
        StringBuilder href = new StringBuilder(path).append("?page=").append(page);
        query.forEach((key, value) -> {
            if (value != null && !value.toString().isBlank()) {
                href.append('&').append(key).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return href.toString();
    }
}
