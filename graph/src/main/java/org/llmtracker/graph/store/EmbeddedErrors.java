package org.llmtracker.graph.store;

import org.neo4j.dbms.api.DatabaseNotFoundException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * Embedded Neo4j failures as the driver would have reported them over Bolt, so callers that
 * inspect {@link Neo4jException#code()} (a constraint violation, say) work on either transport.
 */
final class EmbeddedErrors {

    private static final String ACCESS_MODE = "Neo.ClientError.Statement.AccessMode";
    private static final String UNAVAILABLE = "Neo.TransientError.General.DatabaseUnavailable";

    private EmbeddedErrors() {
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof Neo4jException || e instanceof GraphException) {
            return e;
        }
        String code = code(e);
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (stopped(e) || UNAVAILABLE.equals(code)) {
            return new GraphUnavailableException("Neo4j is unavailable: " + message, e);
        }
        if (code == null) {
            return new GraphException("In-process Neo4j failed without a status code: " + message, e);
        }
        if (code.startsWith("Neo.TransientError.") && !terminatedOnPurpose(code)) {
            return DriverInternals.transientError(code, message, e);
        }
        if (code.startsWith("Neo.DatabaseError.")) {
            return DriverInternals.databaseError(code, message, e);
        }
        return DriverInternals.clientError(code, message, e);
    }

    /** What the server's query router says of a write sent down the read path. */
    static ClientException writeInReadMode(String database) {
        return DriverInternals.clientError(ACCESS_MODE, "Writing in read access mode not allowed. Attempted write to database '"
                + database + "'", null);
    }

    // The driver, too, reports these as client errors and does not retry them: someone ended the transaction.
    private static boolean terminatedOnPurpose(String code) {
        return code.equals("Neo.TransientError.Transaction.Terminated")
                || code.equals("Neo.TransientError.Transaction.LockClientStopped");
    }

    private static String code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryExecutionException q && q.getStatusCode() != null) {
                return q.getStatusCode();
            }
            if (t instanceof Status.HasStatus s && s.status() != null) {
                return s.status().code().serialize();
            }
        }
        return null;
    }

    private static boolean stopped(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseShutdownException || t instanceof DatabaseNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
