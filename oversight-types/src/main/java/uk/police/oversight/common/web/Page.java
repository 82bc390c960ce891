package uk.police.oversight.common.web;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list answer (documented per item type, as PageOffenderView, PageStaffView, …). */
public record Page<T>(
        @Schema(description = "The items of this page", required = true, maxItems = 500) List<T> items,
        @Schema(description = "0-based page number", examples = "0", required = true) int page,
        @Schema(description = "Page size asked for", examples = "50", required = true) int size,
        @Schema(description = "Items across all pages", examples = "217", required = true) long totalItems,
        @Schema(description = "Number of pages", examples = "5", required = true) int totalPages) {

    /** Page {@code page} (0-based) of {@code size} items out of {@code totalItems}. */
    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        int totalPages = (int) ((totalItems + size - 1) / size);
        return new Page<>(items, page, size, totalItems, totalPages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
