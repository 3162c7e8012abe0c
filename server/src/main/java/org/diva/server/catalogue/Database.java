package org.diva.server.catalogue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database in the data directory, migrated to the current schema on open. H2's MVStore writes
 * append-only and recovers to the last commit after a crash or kill -9, which is what lets the library resume.
 */
public final class Database implements AutoCloseable {
    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /**
     * Opens (creating if needed) {@code catalogue.mv.db} in {@code dataDir} and applies pending migrations.
     *
     * @throws IOException with an actionable message if the database is locked by another DiVA or damaged
     */
    public static Database open(Path dataDir) throws IOException {
        String url = "jdbc:h2:file:" + dataDir.resolve("catalogue").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "diva", "");
        pool.setMaxConnections(16);
        try (Connection ignored = pool.getConnection()) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new IOException("the catalogue in " + dataDir + " is in use by another DiVA process: stop it, "
                        + "or give this one its own --data directory", e);
            }
            throw new IOException("cannot open the catalogue in " + dataDir + ": " + e.getMessage(), e);
        } catch (FlywayException e) {
            pool.dispose();
            throw new IOException("cannot bring the catalogue in " + dataDir + " to the current schema: "
                    + e.getMessage(), e);
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed or broken: disposing the pool is all that is left to do.
        }
        pool.dispose();
    }
}
