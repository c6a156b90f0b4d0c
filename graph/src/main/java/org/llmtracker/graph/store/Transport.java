package org.llmtracker.graph.store;

import org.neo4j.driver.TransactionCallback;

/** How {@link Graph} reaches Neo4j: over Bolt with the driver, or in-process to an embedded database. */
interface Transport {

    <T> T read(TransactionCallback<T> work);

    <T> T write(TransactionCallback<T> work);
}
