package org.llmtracker.crawler.huggingface;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of a {@code Link} header, as the Hub pages its lists (with a {@code cursor} parameter). */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]+)\"?");
    private static final int MAX_HEADER = 16_384;

    private LinkHeader() {
    }

    /** The raw target, as written between the angle brackets; the caller checks that it is a URL it may follow. */
    static Optional<String> next(String header) throws HubException {
        if (header == null) {
            return Optional.empty();
        }
        if (header.length() > MAX_HEADER) {
            throw new HubException("a Link header of " + header.length() + " characters");
        }
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            if ("next".equals(m.group(2).trim())) {
                return Optional.of(m.group(1).trim());
            }
        }
        return Optional.empty();
    }
}
