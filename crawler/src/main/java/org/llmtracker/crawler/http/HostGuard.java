package org.llmtracker.crawler.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * Keeps fetches of catalogue-supplied URLs on the public internet: http and https only, and
 * never an address that is loopback, private, link-local, shared (CGNAT), reserved, multicast,
 * or an IPv6 form that embeds an IPv4 address ({@code ::/96}, {@code ::ffff:0:0/96},
 * {@code 64:ff9b::/96}, {@code 2002::/16}, Teredo) — unless the exact host and port are on the
 * allow-list ({@code localhost:8080} lets port 8080 through, not the database next to it).
 *
 * <p>The host is resolved once, here, and the connection goes to exactly the addresses that
 * were vetted ({@link Vetted#dns()}), so a second DNS answer cannot swap in an internal one.
 * Refusals name the URL, never the internal address it resolved to.
 */
public final class HostGuard {

    private final Set<String> allowed;

    /** @param allowedHostPorts entries {@code host:port} ({@code [::1]:8080} for IPv6); a bare host is refused */
    public HostGuard(Set<String> allowedHostPorts) {
        this.allowed = allowedHostPorts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .peek(HostGuard::requirePort).collect(Collectors.toUnmodifiableSet());
    }

    private static void requirePort(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon < 0 || entry.endsWith("]") || !entry.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("allowed host '" + entry + "' needs a port, as host:port (e.g. "
                    + entry + ":443): allowing every port of a host would let a page reach its other services");
        }
    }

    /**
     * Resolves {@code url}'s host and checks every address.
     *
     * @throws RefusedUrlException naming the URL and the reason when it may not be fetched
     */
    public Vetted vet(HttpUrl url) throws RefusedUrlException {
        String host = url.host().toLowerCase(Locale.ROOT);
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw new RefusedUrlException(url, "unknown host " + host);
        }
        String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + url.port();
        if (!allowed.contains(hostPort) && !addresses.stream().allMatch(HostGuard::isPublic)) {
            throw new RefusedUrlException(url, host + " resolves to a non-public address");
        }
        return new Vetted(host, addresses);
    }

    /** {@link #checkScheme} then {@link #vet}: what a fetch of {@code url} would pass through. */
    public Vetted check(String url) throws RefusedUrlException {
        checkScheme(url);
        return vet(HttpUrl.get(url));
    }

    /** Only http and https. */
    public static void checkScheme(String url) throws RefusedUrlException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')) : "";
            throw new RefusedUrlException(url, scheme.matches("[A-Za-z][A-Za-z0-9+.-]*") && !scheme.equalsIgnoreCase("http")
                    && !scheme.equalsIgnoreCase("https") ? "only http and https are fetched" : "not a valid http(s) URL");
        }
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        return b.length == 4 ? isPublicV4(b) : isPublicV6(b);
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return first != 0 && first != 10 && first != 127 && first < 224 // this network, private, loopback, multicast+reserved
                && !(first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
                && !(first == 169 && second == 254) && !(first == 172 && second >= 16 && second < 32)
                && !(first == 192 && second == 168) && !(first == 192 && second == 0 && (third == 0 || third == 2))
                && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                && !(first == 198 && second == 51 && third == 100) && !(first == 203 && second == 0 && third == 113);
    }

    private static boolean isPublicV6(byte[] b) {
        boolean first96Zero = isZero(b, 0, 12);
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return !first96Zero && !mapped // ::/96 (IPv4-compatible, ::, ::1) and ::ffff:0:0/96 (IPv4-mapped)
                && !(w0 == 0x0064 && w1 == 0xff9b) // 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64)
                && w0 != 0x2002 // 6to4
                && !(w0 == 0x2001 && w1 == 0x0000) // Teredo
                && !(w0 == 0x2001 && w1 == 0x0db8) // documentation
                && !(w0 == 0x0100 && isZero(b, 2, 6)) // discard-only 100::/64
                && (b[0] & 0xfe) != 0xfc // unique local fc00::/7
                && (b[0] & 0xff) != 0xff; // multicast
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A host whose addresses passed; its {@link #dns()} hands OkHttp exactly these, with no second lookup. */
    public record Vetted(String host, List<InetAddress> addresses) {

        public Dns dns() {
            return hostname -> {
                if (!hostname.equalsIgnoreCase(host)) {
                    throw new UnknownHostException(hostname + " was not vetted");
                }
                return addresses;
            };
        }
    }

    /** A URL the guard will not let us fetch. */
    public static final class RefusedUrlException extends UpstreamException {

        public RefusedUrlException(Object url, String reason) {
            super(url + ": " + reason, reason, null);
        }
    }
}
