package org.llmtracker.crawler.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in between a crawler and its upstream's mirror that answers every request
 * either by passing it on (one connection per request, so a fault switched on applies to the
 * very next request) or with a fault: a connection reset, a body cut short, a storm of 5xx or
 * 429, a trickle of one byte at a time, a redirect to itself, an oversized body, a body of the
 * wrong shape, or no listener at all ({@link #close()}: the port refuses connections).
 */
public final class FaultProxy implements AutoCloseable {

    /** What every request gets while it is set. */
    public enum Fault {
        NONE, RESET, TRUNCATED_BODY, WRONG_TYPES, SERVER_ERROR_STORM, RATE_LIMIT_STORM_WITH_RETRY_AFTER,
        RATE_LIMIT_STORM_WITHOUT_RETRY_AFTER, TRICKLE, REDIRECT_LOOP, OVERSIZED_BODY, UNREACHABLE
    }

    private final URI target;
    private final ServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService trickles = Executors.newScheduledThreadPool(2);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Fault fault = Fault.NONE;
    private volatile String wrongBody = "{}";
    private volatile int oversizedBytes = 4 << 20;

    public FaultProxy(URI target) {
        this.target = target;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fault proxy", e);
        }
        workers.execute(this::accept);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every request from now on gets {@code fault}; {@link Fault#UNREACHABLE} stops listening for good. */
    public void fail(Fault fault) {
        this.fault = fault;
        if (fault == Fault.UNREACHABLE) {
            close();
        }
    }

    /** The body a {@link Fault#WRONG_TYPES} answer carries (a JSON document of the wrong shape for this upstream). */
    public void wrongBody(String body) {
        this.wrongBody = body;
    }

    public void oversizedBytes(int bytes) {
        this.oversizedBytes = bytes;
    }

    /** Requests received, faulty or not. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        workers.shutdownNow();
        trickles.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                workers.execute(() -> serve(client));
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                client.close();
                return;
            }
            byte[] body = in.readNBytes(contentLength(head));
            requests.incrementAndGet();
            String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
            Fault now = fault;
            if (now == Fault.TRICKLE) {
                trickle(client);
                return;
            }
            try (client) {
                OutputStream out = client.getOutputStream();
                switch (now) {
                    case NONE -> pass(head, body, out);
                    case RESET -> {
                        client.setSoLinger(true, 0);
                        return;
                    }
                    case TRUNCATED_BODY -> {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
                                + "{\"id\":\"partial\",\"").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    case WRONG_TYPES -> answer(out, "200 OK", "Content-Type: application/json\r\n", wrongBody.getBytes(StandardCharsets.UTF_8));
                    case SERVER_ERROR_STORM -> answer(out, "503 Service Unavailable", "", "busy".getBytes(StandardCharsets.US_ASCII));
                    case RATE_LIMIT_STORM_WITH_RETRY_AFTER -> answer(out, "429 Too Many Requests", "Retry-After: 1\r\n", new byte[0]);
                    case RATE_LIMIT_STORM_WITHOUT_RETRY_AFTER -> answer(out, "429 Too Many Requests", "", new byte[0]);
                    case REDIRECT_LOOP -> answer(out, "302 Found", "Location: " + path + "\r\n", new byte[0]);
                    case OVERSIZED_BODY -> {
                        byte[] big = new byte[oversizedBytes];
                        java.util.Arrays.fill(big, (byte) ' ');
                        answer(out, "200 OK", "Content-Type: text/html; charset=utf-8\r\n", big);
                    }
                    default -> {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void trickle(Socket client) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        AtomicInteger sent = new AtomicInteger();
        trickles.scheduleAtFixedRate(() -> {
            try {
                out.write(' ');
                out.flush();
                if (sent.incrementAndGet() >= 1000) {
                    client.close();
                    throw new IllegalStateException("done");
                }
            } catch (IOException e) {
                throw new IllegalStateException("client gone", e);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    private static void answer(OutputStream out, String status, String headers, byte[] body) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    // One request per upstream connection, closed after the answer: nothing is pooled past a fault switch.
    private void pass(String head, byte[] body, OutputStream out) throws IOException {
        List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
        lines.removeIf(l -> l.toLowerCase(Locale.ROOT).startsWith("connection:"));
        lines.add("Connection: close");
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            OutputStream up = upstream.getOutputStream();
            up.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            up.write(body);
            up.flush();
            upstream.getInputStream().transferTo(out);
            out.flush();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }
}
