package org.llmtracker.graph.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Neo4j property values as JSON and back, without losing their types. Strings, integers,
 * floats, booleans and lists are JSON's own; a temporal value is an object with one field
 * naming its type ({@code {"$datetime": "2026-11-23T08:00Z"}}), which cannot be mistaken for a
 * property, since Neo4j properties are never maps. Keys come out sorted, so the JSON of a node
 * is one canonical text whatever order the store returned its properties in.
 */
final class PropertyCodec {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final TypeSystem TYPES = TypeSystem.getDefault();

    private PropertyCodec() {
    }

    static ObjectNode encode(Map<String, Value> properties, String owner) {
        ObjectNode out = JSON.objectNode();
        new TreeMap<>(properties).forEach((name, value) -> out.set(name, encode(value, owner + "." + name)));
        return out;
    }

    private static JsonNode encode(Value value, String where) {
        if (value.hasType(TYPES.STRING())) {
            return JSON.stringNode(value.asString());
        }
        if (value.hasType(TYPES.INTEGER())) {
            return JSON.numberNode(value.asLong());
        }
        if (value.hasType(TYPES.FLOAT())) {
            double d = value.asDouble();
            if (!Double.isFinite(d)) {
                return typed("float", Double.toString(d));
            }
            return JSON.numberNode(d);
        }
        if (value.hasType(TYPES.BOOLEAN())) {
            return JSON.booleanNode(value.asBoolean());
        }
        if (value.hasType(TYPES.LIST())) {
            ArrayNode list = JSON.arrayNode();
            value.values().forEach(v -> list.add(encode(v, where)));
            return list;
        }
        if (value.hasType(TYPES.DATE_TIME())) {
            return typed("datetime", value.asZonedDateTime().toString());
        }
        if (value.hasType(TYPES.DATE())) {
            return typed("date", value.asLocalDate().toString());
        }
        if (value.hasType(TYPES.LOCAL_DATE_TIME())) {
            return typed("localdatetime", value.asLocalDateTime().toString());
        }
        if (value.hasType(TYPES.TIME())) {
            return typed("time", value.asOffsetTime().toString());
        }
        throw new IllegalArgumentException("Cannot export property " + where + " of type " + value.type().name());
    }

    private static ObjectNode typed(String type, String text) {
        ObjectNode node = JSON.objectNode();
        node.put("$" + type, text);
        return node;
    }

    /** Back to values the driver and the embedded engine take as parameters. */
    static Map<String, Object> decode(JsonNode properties, String where) {
        if (properties == null || properties.isNull()) {
            return Map.of();
        }
        if (!properties.isObject()) {
            throw new IllegalArgumentException(where + ": properties must be an object");
        }
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            out.put(e.getKey(), decodeValue(e.getValue(), where + "." + e.getKey()));
        }
        return out;
    }

    private static Object decodeValue(JsonNode node, String where) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw new IllegalArgumentException(where + ": integer beyond 64 bits");
            }
            return node.asLong();
        }
        if (node.isFloatingPointNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(v -> list.add(decodeValue(v, where)));
            return list;
        }
        if (node.isObject() && node.size() == 1) {
            Map.Entry<String, JsonNode> typed = node.properties().iterator().next();
            String text = typed.getValue().isString() ? typed.getValue().asString() : null;
            try {
                switch (typed.getKey()) {
                    case "$datetime": return ZonedDateTime.parse(text);
                    case "$date": return LocalDate.parse(text);
                    case "$localdatetime": return LocalDateTime.parse(text);
                    case "$time": return OffsetTime.parse(text);
                    case "$float": return Double.parseDouble(text);
                    default: break;
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": not a valid " + typed.getKey().substring(1) + " value", e);
            }
        }
        throw new IllegalArgumentException(where + ": not a property value (" + node.getNodeType() + ")");
    }
}
