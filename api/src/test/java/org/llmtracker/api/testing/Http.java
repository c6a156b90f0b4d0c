package org.llmtracker.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.core.env.Environment;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running application, as a user's script would call it. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Environment environment;

    /** Reads the server's port when first used: as a bean (see {@link ApiTest}) it is made before the server starts. */
    public Http(Environment environment) {
        this.environment = environment;
    }

    private String base() {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    public Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept).GET());
    }

    /** A GET as the admin: what only the admin may read (export, metrics, health details). */
    public Response getAsAdmin(String path, String token) {
        return send(withToken(HttpRequest.newBuilder(URI.create(base() + path)), token).GET());
    }

    /**
     * Any method with the path exactly as given (no normalising: {@code ;params}, {@code %61},
     * {@code //} reach the server as written) and an optional raw Authorization header.
     */
    public Response raw(String method, String path, String contentType, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    public Response put(String path, String jsonBody, String token) {
        return send(withToken(HttpRequest.newBuilder(URI.create(base() + path)), token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response post(String path, String token) {
        return send(withToken(HttpRequest.newBuilder(URI.create(base() + path)), token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String path, String contentType, String body, String token) {
        return send(withToken(HttpRequest.newBuilder(URI.create(base() + path)), token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends {@code request} byte for byte over a socket and returns the whole answer: for what
     * an HTTP client will not send, such as another {@code Host}. The request should say
     * {@code Connection: close}.
     */
    public String socket(String request) {
        int port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder builder, String token) {
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), json, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String body, JsonMapper mapper, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

}
