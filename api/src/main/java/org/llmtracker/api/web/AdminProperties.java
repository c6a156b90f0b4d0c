package org.llmtracker.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param token bearer token for writes ({@code tracker.admin.token}); empty refuses every write */
@ConfigurationProperties("tracker.admin")
public record AdminProperties(@DefaultValue("") String token) {

    /** Never the token. */
    @Override
    public String toString() {
        return "Admin[token " + (token.isBlank() ? "unset" : "set") + "]";
    }
}
