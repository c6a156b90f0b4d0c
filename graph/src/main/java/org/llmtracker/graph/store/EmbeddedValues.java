package org.llmtracker.graph.store;

import java.lang.reflect.Array;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.spatial.Point;
import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.DurationValue;

/**
 * Translates between the driver's values, which every caller reads and sometimes passes,
 * and the plain Java objects the embedded engine takes and returns. Whole nodes, relationships
 * and paths are refused: queries return map projections.
 */
final class EmbeddedValues {

    private EmbeddedValues() {
    }

    /** Parameters as the embedded engine accepts them: driver values unwrapped, recursively. */
    static Map<String, Object> parameters(Map<String, ?> parameters) {
        Map<String, Object> converted = new LinkedHashMap<>(parameters.size() * 2);
        parameters.forEach((name, value) -> converted.put(name, parameter(value)));
        return converted;
    }

    private static Object parameter(Object value) {
        if (value instanceof Value driverValue) {
            return parameter(driverValue.isNull() ? null : driverValue.asObject());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, v) -> converted.put(String.valueOf(k), parameter(v)));
            return converted;
        }
        if (value instanceof Iterable<?> items) {
            List<Object> converted = new ArrayList<>();
            items.forEach(item -> converted.add(parameter(item)));
            return converted;
        }
        if (value instanceof IsoDuration d) {
            return DurationValue.duration(d.months(), d.days(), d.seconds(), d.nanoseconds());
        }
        if (value instanceof org.neo4j.driver.types.Point p) {
            CoordinateReferenceSystem crs = CoordinateReferenceSystem.get(p.srid());
            return Double.isNaN(p.z())
                    ? org.neo4j.values.storable.Values.pointValue(crs, p.x(), p.y())
                    : org.neo4j.values.storable.Values.pointValue(crs, p.x(), p.y(), p.z());
        }
        return value;
    }

    /** One column of an embedded row as a driver value; what has no driver counterpart fails, naming the column. */
    static Value column(String column, Object value) {
        try {
            return value(value);
        } catch (RuntimeException e) {
            throw new GraphException("Column '" + column + "' holds a value the driver cannot represent: "
                    + e.getMessage(), e);
        }
    }

    private static Value value(Object value) {
        // Most columns are strings, numbers and nulls: answer those before the long type chain.
        if (value == null) {
            return Values.NULL;
        }
        if (value instanceof String text) {
            return Values.value(text);
        }
        if (value instanceof Long number) {
            return Values.value(number.longValue());
        }
        if (value instanceof Boolean flag) {
            return Values.value(flag.booleanValue());
        }
        if (value instanceof Entity || value instanceof Path) {
            // Building the driver's nodes and paths takes its internal classes; every query says
            // which fields it needs instead (a map projection, m {.*}, or the fields themselves).
            throw new IllegalArgumentException("a whole " + (value instanceof Path ? "path" : "node or relationship")
                    + "; return a map projection (n {.*}) or the fields the caller reads");
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Value> converted = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, v) -> converted.put(String.valueOf(k), value(v)));
            return Values.value(converted);
        }
        if (value instanceof Iterable<?> items) {
            List<Value> converted = new ArrayList<>();
            items.forEach(item -> converted.add(value(item)));
            return Values.value(converted);
        }
        if (value instanceof Object[] array) {
            return value(Arrays.asList(array));
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            List<Value> converted = new ArrayList<>(Array.getLength(value));
            for (int i = 0; i < Array.getLength(value); i++) {
                converted.add(value(Array.get(value, i)));
            }
            return Values.value(converted);
        }
        if (value instanceof DurationValue d) {
            return Values.isoDuration(d.get(ChronoUnit.MONTHS), d.get(ChronoUnit.DAYS), d.get(ChronoUnit.SECONDS),
                    (int) d.get(ChronoUnit.NANOS));
        }
        if (value instanceof Point p) {
            double[] c = p.getCoordinate().getCoordinate();
            int srid = p.getCRS().getCode();
            return c.length == 2 ? Values.point(srid, c[0], c[1]) : Values.point(srid, c[0], c[1], c[2]);
        }
        return Values.value(value);
    }
}
