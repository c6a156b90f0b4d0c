package org.llmtracker.crawler.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLException;

/**
 * What a transport failure means for the policy, and how to say it: in words, never with the
 * exception's own message (OkHttp's name the resolved address, which may be internal).
 */
enum Fault {
    /** The host cannot be reached at all: refused, no route, unknown, connect timed out. */
    UNREACHABLE,
    /** Worth another try: a timeout, a reset, an answer cut short. */
    TRANSIENT,
    /** Trying again cannot help: a certificate, a redirect loop, a refusal of ours. */
    FINAL;

    static Fault of(IOException e) {
        if (e instanceof UpstreamException || e instanceof RateLimitedException || e instanceof SSLException
                || tooManyRedirects(e)) {
            return FINAL;
        }
        if (e instanceof UnknownHostException || e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof PortUnreachableException || connectTimeout(e)) {
            return UNREACHABLE;
        }
        return TRANSIENT;
    }

    static String describe(IOException e, HttpSettings settings) {
        if (e instanceof UpstreamException || e instanceof RateLimitedException) {
            return e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof PortUnreachableException) {
            return "could not connect (" + (e instanceof ConnectException ? "connection refused" : "no route to host") + ")";
        }
        if (connectTimeout(e)) {
            return "could not connect within " + millis(settings.connectTimeout());
        }
        if (e instanceof SocketTimeoutException) {
            return "no data for " + millis(settings.readTimeout());
        }
        if (e instanceof InterruptedIOException) {
            return "no complete answer within the " + millis(settings.deadline()) + " deadline";
        }
        if (tooManyRedirects(e)) {
            return "too many redirects";
        }
        if (e instanceof SSLException) {
            return "TLS failure";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof EOFException || message.contains("unexpected end of stream") || message.contains("\\n not found")) {
            return "the answer was cut short";
        }
        if (e instanceof SocketException) {
            return message.contains("reset") ? "connection reset" : "connection broken";
        }
        return "transport failure (" + e.getClass().getSimpleName() + ")";
    }

    private static boolean tooManyRedirects(IOException e) {
        return e instanceof ProtocolException && String.valueOf(e.getMessage()).startsWith("Too many follow-up");
    }

    private static boolean connectTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
