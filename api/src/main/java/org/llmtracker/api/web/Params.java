package org.llmtracker.api.web;

import java.util.Arrays;

import org.llmtracker.graph.naming.EnumNames;

/**
 * Checks of request parameters, with the limits docs/api.md documents. Every refusal names
 * the parameter, its value and what would be accepted.
 */
public final class Params {

    public static final int MAX_PAGE_SIZE = 200;
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_DEPTH = 20;
    public static final int MAX_TREE_DEPTH = 6;
    public static final int MAX_TREE_NODES = 2_000;
    /** The deepest a page may start: past it, a client is scanning the store, not paging a list. */
    public static final int MAX_OFFSET = 1_000_000;

    private Params() {
    }

    public static int page(int page) {
        if (page < 0) {
            throw new BadParameterException("page", "page must be 0 or more, got " + page);
        }
        return page;
    }

    /** Where page {@code page} of {@code size} starts; a start past {@link #MAX_OFFSET} is refused naming page. */
    public static int offset(int page, int size) {
        long offset = (long) page * size;
        if (offset > MAX_OFFSET) {
            throw new BadParameterException("page", "page " + page + " of size " + size + " starts past item "
                    + MAX_OFFSET + "; narrow the query instead");
        }
        return (int) offset;
    }

    public static int size(int size) {
        return within("size", size, 1, MAX_PAGE_SIZE);
    }

    public static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadParameterException(name, name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new BadParameterException(name, name + " must be " + min + " or more, got " + value);
        }
        return value;
    }

    /** Parses an optional enum parameter in any case; null or blank is "not given". */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return EnumNames.parse(type, value).orElseThrow(() -> new BadParameterException(name,
                name + " '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants())));
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, name + " is required");
        }
        return value;
    }
}
