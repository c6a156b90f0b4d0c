package org.llmtracker.graph.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where Bolt listens and who may use it. Off loopback, anyone who can reach the port could read
 * and rewrite the store, so a non-loopback address needs a password (user {@code neo4j}).
 *
 * @param address  an interface address; {@code 127.0.0.1} by default, {@code 0.0.0.0} for every one
 * @param password null or blank: no authentication, allowed on loopback only
 */
public record BoltAccess(String address, int port, String password) {

    public static final String LOOPBACK = "127.0.0.1";

    /** Neo4j's own least ({@code dbms.security.auth_minimum_password_length}). */
    public static final int MIN_PASSWORD_LENGTH = 8;

    public BoltAccess {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Bolt port out of range: " + port);
        }
        if (address == null || address.isBlank()) {
            address = LOOPBACK;
        }
        if (!loopback(address) && (password == null || password.isBlank())) {
            throw new GraphException("Embedded Neo4j's Bolt would listen on " + address + " without a password: "
                    + "anyone who reaches that address could read and change the store. Set a Bolt password "
                    + "(tracker.neo4j.bolt-password) or listen on 127.0.0.1");
        }
        // Neo4j refuses it too, but only once the store and its Bolt port are open (half a minute
        // on a busy machine): say so before anything starts.
        if (password != null && !password.isBlank() && password.length() < MIN_PASSWORD_LENGTH) {
            throw new GraphException("The Bolt password (tracker.neo4j.bolt-password) has " + password.length()
                    + " characters; Neo4j needs at least " + MIN_PASSWORD_LENGTH);
        }
    }

    /** Never the password: this ends up in logs. */
    @Override
    public String toString() {
        return "Bolt on " + address + ":" + port + (authenticated() ? " with authentication" : " without authentication");
    }

    public boolean authenticated() {
        return password != null && !password.isBlank();
    }

    /** The address a client on this machine dials: the listen address, or loopback for a wildcard. */
    String dialAddress() {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]") ? LOOPBACK : address;
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
