package uk.police.oversight.common.web;

import java.util.List;
import java.util.Map;
import uk.police.oversight.common.problem.ProblemException;

/** A validated page, size and sort, with the sort field checked against the list's whitelist. */
public record PageRequest(int page, int size, String sortField, boolean ascending) {

    public int offset() {
        return page * size;
    }

    /**
     * Parses `sort=field,asc|desc`. {@code sortable} maps the API field names a list allows to whatever the caller
     * sorts by (a column, a JPQL path); the default applies when no sort is given.
     */
    public static PageRequest of(PageParams params, Map<String, String> sortable, String defaultSort) {
        String sort = params.sort == null || params.sort.isBlank() ? defaultSort : params.sort.strip();
        String[] parts = sort.split(",", -1);
        String field = parts[0].strip();
        if (!sortable.containsKey(field) || parts.length > 2) {
            throw ProblemException.badRequest("sort", "must be field,asc or field,desc with field one of "
                    + List.copyOf(sortable.keySet()));
        }
        boolean ascending = true;
        if (parts.length == 2) {
            String direction = parts[1].strip().toLowerCase();
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw ProblemException.badRequest("sort", "direction must be asc or desc");
            }
            ascending = direction.equals("asc");
        }
        return new PageRequest(params.page, params.size, sortable.get(field), ascending);
    }

    /** The answer for this request: its items and how many there are across all pages. */
    public <T> Page<T> pageOf(List<T> items, long totalItems) {
        return Page.of(items, page(), size(), totalItems);
    }
}
