package org.llmtracker.crawler.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps fetches of catalogue-supplied URLs on the public internet: http and https only, and
 * never a loopback, private, link-local or otherwise internal address, unless the host is on
 * the allow-list (tests serve pages from 127.0.0.1).
 */
public final class HostGuard {

    private final Set<String> allowed;

    public HostGuard(Set<String> allowedHosts) {
        this.allowed = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @throws RefusedUrlException naming the URL and the reason when it may not be fetched */
    public void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException(url + ": only http and https are fetched");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedUrlException(url + ": no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (allowed.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException(url + ": unknown host " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedUrlException(url + ": " + host + " resolves to non-public address "
                        + address.getHostAddress());
            }
        }
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8, carrier-grade NAT 100.64/10, benchmarking 198.18/15, reserved 240/4
            return first != 0 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        // IPv6 unique local addresses fc00::/7
        return (b[0] & 0xfe) != 0xfc;
    }

    /** A URL the guard will not let us fetch. */
    public static final class RefusedUrlException extends RuntimeException {

        public RefusedUrlException(String message) {
            super(message);
        }
    }
}
