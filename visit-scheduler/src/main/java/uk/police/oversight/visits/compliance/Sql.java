package uk.police.oversight.visits.compliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A SQL statement built in pieces, each piece carrying the values of its `?` placeholders. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    Sql append(String sql, Object... params) {
        text.append(sql);
        values.addAll(List.of(params));
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        values.addAll(other.values);
        return this;
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
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

    @Override
    public String toString() {
        return text.toString();
    }
}
