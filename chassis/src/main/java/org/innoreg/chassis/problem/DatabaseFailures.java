package org.innoreg.chassis.problem;

import java.sql.SQLException;

/**
 * What a failure of the database means to the caller: it is away (503), a concurrent request wrote
 * the same record first (409), or it refused a value (400).
 */
final class DatabaseFailures {

    private DatabaseFailures() {}

    static boolean unavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // 08: connection exception; 57P01-03: the server is shutting down, crashed or still
            // starting up
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getClass()
                    .getName()
                    .equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause.getClass().getName().equals("io.agroal.pool.ConnectionPoolException")
                    || (cause instanceof SQLException
                            && String.valueOf(cause.getMessage())
                                    .contains("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether PostgreSQL refused a row because another has the same unique key (23505). The
     * services check for a duplicate before they write, so this is a concurrent request that wrote
     * the same record first, between the check and the commit.
     */
    static boolean duplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What was wrong with a value PostgreSQL refused to store or compare, or null for other errors.
     */
    static String unstorableValue(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return Messages.text(
                        switch (sql.getSQLState()) {
                            case "22021", "22P05" -> "detail.unstorable-text";
                            case "22003" -> "detail.unstorable-number";
                            case "22001" -> "detail.unstorable-length";
                            case "22007", "22008" -> "detail.unstorable-date";
                            default -> "detail.unstorable";
                        });
            }
        }
        return null;
    }
}
