package org.llmtracker.graph.store;

import java.util.List;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.internal.GqlStatusError;
import org.neo4j.driver.internal.InternalRecord;

/**
 * The only place that touches the driver's internals, which its module does not export: the
 * in-process transport has to hand out the driver's own {@link Record} (it is an interface with
 * no public implementation) and raise the driver's own exceptions, whose constructors want the
 * GQL status of an unknown error. Everything else builds values with {@code Values.value}, and
 * queries return map projections rather than whole nodes, relationships or paths. A driver
 * upgrade that moves these breaks this class alone (the version is pinned in the parent POM).
 */
final class DriverInternals {

    private DriverInternals() {
    }

    static Record record(List<String> keys, List<Value> values) {
        return new InternalRecord(keys, values);
    }

    static TransientException transientError(String code, String message, Throwable cause) {
        return new TransientException(GqlStatusError.UNKNOWN.getStatus(), GqlStatusError.UNKNOWN.getStatusDescription(message),
                code, message, GqlStatusError.DIAGNOSTIC_RECORD, cause);
    }

    static DatabaseException databaseError(String code, String message, Throwable cause) {
        return new DatabaseException(GqlStatusError.UNKNOWN.getStatus(), GqlStatusError.UNKNOWN.getStatusDescription(message),
                code, message, GqlStatusError.DIAGNOSTIC_RECORD, cause);
    }

    static ClientException clientError(String code, String message, Throwable cause) {
        return new ClientException(GqlStatusError.UNKNOWN.getStatus(), GqlStatusError.UNKNOWN.getStatusDescription(message),
                code, message, GqlStatusError.DIAGNOSTIC_RECORD, cause);
    }
}
