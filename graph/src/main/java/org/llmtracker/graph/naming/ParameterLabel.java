package org.llmtracker.graph.naming;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Parameter counts as people write them: "175B", "770M", "1.5T", or several sizes of one
 * family, "7B/13B/33B/65B". The numeric value kept for sorting is the largest size.
 */
public final class ParameterLabel {

    private ParameterLabel() {
    }

    /**
     * @return the largest size in the label, in parameters
     * @throws IllegalArgumentException when a part is not a number with a K, M, B or T suffix
     */
    public static long largest(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("parameter label is empty");
        }
        long largest = 0;
        for (String part : label.split("/")) {
            largest = Math.max(largest, parseOne(part.trim()));
        }
        return largest;
    }

    private static long parseOne(String part) {
        if (part.length() < 2) {
            throw new IllegalArgumentException("'" + part + "' is not a size like 7B or 770M");
        }
        char suffix = Character.toUpperCase(part.charAt(part.length() - 1));
        long unit = switch (suffix) {
            case 'K' -> 1_000L;
            case 'M' -> 1_000_000L;
            case 'B' -> 1_000_000_000L;
            case 'T' -> 1_000_000_000_000L;
            default -> throw new IllegalArgumentException("'" + part + "' needs a K, M, B or T suffix");
        };
        try {
            BigDecimal number = new BigDecimal(part.substring(0, part.length() - 1).trim().toLowerCase(Locale.ROOT));
            if (number.signum() <= 0) {
                throw new IllegalArgumentException("'" + part + "' is not a positive size");
            }
            return number.multiply(BigDecimal.valueOf(unit)).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + part + "' is not a size like 7B or 770M");
        }
    }
}
