package org.llmtracker.crawler.github;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.llmtracker.crawler.http.Upstream;

import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * github-api's transport: every request it makes goes through GitHub's {@link Upstream} (the
 * HTTP policy, the disk cache, the token), and repository documents are handed to the
 * {@link DocumentTap} on the way back.
 */
final class GithubConnector implements GitHubConnector {

    private final Upstream upstream;
    private final DocumentTap tap;

    GithubConnector(Upstream upstream, DocumentTap tap) {
        this.upstream = upstream;
        this.tap = tap;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        Request.Builder builder = new Request.Builder().url(request.url());
        // Revalidate every cached resource with If-None-Match rather than trust its max-age:
        // an unchanged one then costs a 304, and no quota when authenticated.
        if (request.header("Cache-Control") == null) {
            builder.header("Cache-Control", "max-age=0");
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() != null) {
                builder.addHeader(header.getKey(), String.join(", ", header.getValue()));
            }
        }
        byte[] body = null;
        if (request.hasBody()) {
            try (InputStream in = request.body()) {
                body = in.readAllBytes();
            }
        }
        builder.method(request.method(), body == null ? null : RequestBody.create(body, null));
        Response response = upstream.execute(builder.build());
        tap.offer(response);
        return new Answer(request, response);
    }

    private static final class Answer extends GitHubConnectorResponse.ByteArrayResponse {

        private final Response response;

        Answer(GitHubConnectorRequest request, Response response) {
            super(request, response.code(), response.headers().toMultimap());
            this.response = response;
        }

        @Override
        protected InputStream rawBodyStream() {
            return response.body().byteStream();
        }

        @Override
        public void close() throws IOException {
            super.close();
            response.close();
        }
    }
}
