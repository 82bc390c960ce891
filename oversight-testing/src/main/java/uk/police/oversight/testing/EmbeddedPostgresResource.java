package uk.police.oversight.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import uk.police.oversight.local.LocalPostgres;

/**
 * Starts a real, throwaway PostgreSQL for a service's {@code @QuarkusTest}s and points its datasource at it. Init arg
 * {@code database} names the database (default {@code oversight}).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres server;
    private String database = "oversight";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        synchronized (EmbeddedPostgresResource.class) {
            if (server == null) {
                Path target = Path.of(System.getProperty("oversight.test.dir", "target"));
                Path binaries = Path.of(System.getProperty("oversight.pg.binaries", target.resolve("pg-binaries").toString()));
                server = LocalPostgres.start(target.resolve("embedded-pg").resolve(UUID.randomUUID().toString()),
                        binaries, 0, false);
            }
        }
        server.ensureDatabase(database);
        return server.quarkusDatasource(database);
    }

    /** The running server, for tests that need a second database or direct SQL. */
    public static LocalPostgres server() {
        return server;
    }

    @Override
    public void stop() {
        synchronized (EmbeddedPostgresResource.class) {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
