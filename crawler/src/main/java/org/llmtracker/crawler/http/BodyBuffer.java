package org.llmtracker.crawler.http;

import java.io.IOException;

import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads an answer's body into memory inside the attempt, capped at the settings' size, so the
 * call's deadline covers the body and a broken body is one failed (retried) attempt.
 */
final class BodyBuffer {

    private final HttpSettings settings;
    private final boolean truncate;
    private final boolean redactUrls;

    BodyBuffer(HttpSettings settings, boolean truncate, boolean redactUrls) {
        this.settings = settings;
        this.truncate = truncate;
        this.redactUrls = redactUrls;
    }

    Response buffered(Response response, Request request) throws IOException {
        ResponseBody body = response.body();
        long max = settings.maxBodyBytes();
        if (body == null) {
            return response.newBuilder().body(ResponseBody.create(new byte[0], null)).build();
        }
        if (body.contentLength() > max && !truncate) {
            throw tooLarge(request, body.contentLength());
        }
        Buffer buffer = new Buffer();
        BufferedSource source = body.source();
        while (buffer.size() <= max && source.read(buffer, 8192) != -1) {
            // reading
        }
        if (buffer.size() > max) {
            if (!truncate) {
                throw tooLarge(request, -1);
            }
            Buffer head = new Buffer();
            buffer.read(head, max);
            buffer = head;
        }
        return response.newBuilder().body(ResponseBody.create(buffer.readByteArray(), body.contentType())).build();
    }

    private UpstreamException tooLarge(Request request, long declared) {
        String reason = "answered a body " + (declared > 0 ? "of " + declared + " bytes, " : "") + "larger than the "
                + settings.maxBodyBytes() + " bytes allowed";
        return new UpstreamException(settings.name() + ": " + request.method() + " "
                + (redactUrls ? Upstream.redacted(request.url()) : Upstream.shown(request.url())) + " " + reason,
                reason, null);
    }
}
