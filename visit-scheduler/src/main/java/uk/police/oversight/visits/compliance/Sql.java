package uk.police.oversight.visits.compliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A SQL statement with named parameters ({@code :asOf}), built from text blocks and optional fragments. A name means
 * one value wherever it appears; PostgreSQL casts ({@code ::date}) and string literals are left alone. JDBC sees
 * positional {@code ?} placeholders, one per occurrence, in the order they appear.
 */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final Map<String, Object> values = new HashMap<>();

    static Sql of(String text) {
        return new Sql().append(text);
    }

    Sql append(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends a fragment with its bindings; a name bound on both sides must have the same value. */
    Sql append(Sql other) {
        text.append(other.text);
        other.values.forEach(this::bind);
        return this;
    }

    Sql bind(String name, Object value) {
        if (values.containsKey(name) && !Objects.equals(values.get(name), value)) {
            throw new IllegalStateException(":" + name + " is bound twice, to " + values.get(name) + " and " + value);
        }
        values.put(name, value);
        return this;
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        Positional positional = positional();
        PreparedStatement statement = connection.prepareStatement(positional.text());
        for (int i = 0; i < positional.values().size(); i++) {
            Object value = positional.values().get(i);
            if (value instanceof Collection<?> collection) {
                boolean uuids = !collection.isEmpty() && collection.iterator().next() instanceof UUID;
                statement.setArray(i + 1, connection.createArrayOf(uuids ? "uuid" : "varchar", collection.toArray()));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    /** The statement as JDBC takes it: {@code ?} for each named parameter, and the values in that order. */
    Positional positional() {
        StringBuilder out = new StringBuilder(text.length());
        List<Object> ordered = new ArrayList<>();
        boolean inLiteral = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                inLiteral = !inLiteral;
            } else if (!inLiteral && c == ':') {
                if (i + 1 < text.length() && text.charAt(i + 1) == ':') {
                    out.append("::");
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                if (end > i + 1) {
                    String name = text.substring(i + 1, end);
                    if (!values.containsKey(name)) {
                        throw new IllegalStateException("No value for :" + name + " in " + text);
                    }
                    ordered.add(values.get(name));
                    out.append('?');
                    i = end - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return new Positional(out.toString(), ordered);
    }

    record Positional(String text, List<Object> values) {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
