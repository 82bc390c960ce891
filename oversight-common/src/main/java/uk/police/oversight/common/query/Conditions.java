package uk.police.oversight.common.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The where clause of a list query with named parameters (JPQL for Panache), built from the caller's areas and the
 * optional filters of a request: a filter left out (null) adds nothing, so each list reads as the filters it takes.
 * The one place a list is confined to the caller's areas (SPEC section 5).
 */
public final class Conditions {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    private Conditions() {
    }

    /**
     * A query confined to the caller's areas: {@code restriction} as {@code Caller.areaRestriction()} gives it (empty for a
     * force-wide caller, who is not confined), and {@code condition} the test with the parameter {@code :callerAreas},
     * such as {@code areaCode in :callerAreas}. A caller with no areas at all sees nothing.
     */
    public static Conditions withinAreas(Optional<Set<String>> restriction, String condition) {
        Conditions conditions = new Conditions();
        restriction.ifPresent(areas -> conditions.and(condition, "callerAreas", areasParameter(areas)));
        return conditions;
    }

    /** The areas as a parameter of {@code in} or {@code = any}: an empty set becomes one no area matches. */
    public static Set<String> areasParameter(Set<String> areas) {
        return areas.isEmpty() ? Set.of("") : areas;
    }

    /** Adds {@code condition}, whose one parameter is {@code parameter}, when the value is given (not null). */
    public Conditions and(String condition, String parameter, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(parameter, value);
        }
        return this;
    }

    /** Adds a condition without parameters, or with parameters bound by {@link #bind}. */
    public Conditions and(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    public Conditions bind(String parameter, Object value) {
        params.put(parameter, value);
        return this;
    }

    /** The clause, for {@code find(where, sort, params)}. */
    public String where() {
        return where.toString();
    }

    public Map<String, Object> params() {
        return params;
    }
}
