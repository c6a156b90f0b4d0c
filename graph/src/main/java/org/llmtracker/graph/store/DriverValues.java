package org.llmtracker.graph.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.neo4j.driver.Value;

/** Null-tolerant conversions between driver values and Java: graph properties are often absent. */
public final class DriverValues {

    private DriverValues() {
    }

    public static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    /** Any value as text: strings as they are, temporal values in ISO form. */
    public static String text(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.hasType(org.neo4j.driver.types.TypeSystem.getDefault().STRING()) ? v.asString() : v.asObject().toString();
    }

    public static Long number(Value v) {
        return v == null || v.isNull() ? null : v.asLong();
    }

    public static Boolean bool(Value v) {
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    public static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }

    /** An instant as the graph stores it: a DateTime in UTC; null stays null. */
    public static ZonedDateTime dateTime(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC);
    }

    /** A stored DateTime as an instant; null when absent. */
    public static Instant instant(Value v) {
        return v == null || v.isNull() ? null : v.asZonedDateTime().toInstant();
    }
}
