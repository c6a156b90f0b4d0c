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
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalPath;
import org.neo4j.driver.internal.InternalRelationship;
import org.neo4j.driver.internal.value.BooleanValue;
import org.neo4j.driver.internal.value.IntegerValue;
import org.neo4j.driver.internal.value.NodeValue;
import org.neo4j.driver.internal.value.PathValue;
import org.neo4j.driver.internal.value.RelationshipValue;
import org.neo4j.driver.internal.value.StringValue;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.spatial.Point;
import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.DurationValue;

/**
 * Translates between the driver's values, which every caller reads and sometimes passes,
 * and the plain Java objects the embedded engine takes and returns.
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
            return new StringValue(text);
        }
        if (value instanceof Long number) {
            return new IntegerValue(number);
        }
        if (value instanceof Boolean flag) {
            return BooleanValue.fromBoolean(flag);
        }
        if (value instanceof Node node) {
            return new NodeValue(node(node));
        }
        if (value instanceof Relationship relationship) {
            return new RelationshipValue(relationship(relationship));
        }
        if (value instanceof Path path) {
            List<org.neo4j.driver.types.Entity> entities = new ArrayList<>();
            path.forEach(entity -> entities.add(entity instanceof Node node ? node(node) : relationship((Relationship) entity)));
            return new PathValue(new InternalPath(entities));
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

    // Entities are copied while their transaction is open; the driver's also carry the legacy numeric id.
    @SuppressWarnings("deprecation")
    private static InternalNode node(Node node) {
        List<String> labels = new ArrayList<>();
        node.getLabels().forEach(label -> labels.add(label.name()));
        return new InternalNode(node.getId(), node.getElementId(), labels, properties(node.getAllProperties()));
    }

    @SuppressWarnings("deprecation")
    private static InternalRelationship relationship(Relationship r) {
        Node start = r.getStartNode();
        Node end = r.getEndNode();
        return new InternalRelationship(r.getId(), r.getElementId(), start.getId(), start.getElementId(), end.getId(),
                end.getElementId(), r.getType().name(), properties(r.getAllProperties()));
    }

    private static Map<String, Value> properties(Map<String, Object> properties) {
        Map<String, Value> converted = new LinkedHashMap<>(properties.size() * 2);
        properties.forEach((k, v) -> converted.put(k, value(v)));
        return converted;
    }
}
