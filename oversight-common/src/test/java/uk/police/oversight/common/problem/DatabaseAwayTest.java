package uk.police.oversight.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away for a moment" (503, retry) rather than a fault (500). */
class DatabaseAwayTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheChainIsTheDatabaseBeingAway() {
        assertEquals("refused", ProblemMappers.databaseAway(new IllegalStateException("query failed",
                new SQLException("refused", "08001")), 0));
        assertEquals("shutting down", ProblemMappers.databaseAway(new RuntimeException(new SQLException("shutting down", "57P01")), 0));
        // A commit that failed: the transaction manager keeps the reason as a suppressed exception's cause.
        RuntimeException rollback = new RuntimeException("Could not commit transaction");
        rollback.addSuppressed(new Exception("onePhaseCommit failed", new SQLException("terminating connection", "57P01")));
        assertEquals("terminating connection", ProblemMappers.databaseAway(new RuntimeException("invoking", rollback), 0));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertNull(ProblemMappers.databaseAway(new RuntimeException(new SQLException("duplicate key", "23505")), 0));
        assertNull(ProblemMappers.databaseAway(new RuntimeException(new SQLException("bad value", "22P02")), 0));
        assertNull(ProblemMappers.databaseAway(new IllegalStateException("no SQL at all"), 0));
        assertNull(ProblemMappers.databaseAway(new RuntimeException(new SQLException("protocol violation", "08P01")), 0),
                "a protocol violation fails the same way every time: not worth a retry");
    }
}
