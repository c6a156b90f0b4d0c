package org.llmtracker.crawler.huggingface;

import java.util.List;

/** What {@code GET /api/models/{id}} said about one model. */
public sealed interface ModelAnswer {

    /** The model, and the ids it answered under before 307 redirects brought us to it (oldest first). */
    record Found(HubEntry entry, List<String> formerIds) implements ModelAnswer {
        public Found {
            formerIds = List.copyOf(formerIds);
        }
    }

    /** 401 or 403: the Hub refuses access (gated or private). */
    record Gated(String id, int status) implements ModelAnswer {
    }

    /** 404, or the Hub's RepoNotFound: the model is gone. */
    record Gone(String id, int status) implements ModelAnswer {
    }
}
