package org.llmtracker.api.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.AllSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An install with no admin token is read-only: every write is refused with 403, whatever
 * token is offered, and nothing behind it runs. Reads answer as usual.
 */
@WebMvcTest(controllers = ReadOnlyInstallTests.Recorder.class, properties = "tracker.admin.token=")
@Import({AllSettings.class, SecurityConfiguration.class, ReadOnlyInstallTests.Recorder.class})
class ReadOnlyInstallTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Recorder recorder;

    @Test
    void everyWriteIsForbiddenWhateverTokenIsOffered() throws Exception {
        for (String authorization : new String[] {"Bearer ", "Bearer anything", "bearer null"}) {
            mvc.perform(put("/api/catalog/x").header("Authorization", authorization).contentType("application/json").content("{}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("tracker.admin.token")));
            mvc.perform(post("/api/catalog/reload").header("Authorization", authorization)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/catalog/reload")).andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("WWW-Authenticate"));

        org.assertj.core.api.Assertions.assertThat(recorder.calls).isEmpty();
    }

    @Test
    void readsStayPublic() throws Exception {
        mvc.perform(get("/api/catalog/x")).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY));
    }

    /** Stands in for the routes: it only records that a request got through. */
    @RestController
    static class Recorder {

        final List<String> calls = new ArrayList<>();

        @GetMapping("/api/catalog/{id}")
        String read(@org.springframework.web.bind.annotation.PathVariable String id) {
            return "{}";
        }

        @PutMapping("/api/catalog/{id}")
        void put(@org.springframework.web.bind.annotation.PathVariable String id) {
            calls.add("PUT " + id);
        }

        @PostMapping("/api/catalog/reload")
        void reload() {
            calls.add("reload");
        }
    }
}
