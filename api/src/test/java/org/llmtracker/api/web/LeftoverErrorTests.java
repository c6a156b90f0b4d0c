package org.llmtracker.api.web;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.AllSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A bug the code did not foresee answers a 500 in problem details that says nothing of the code. */
@WebMvcTest(controllers = LeftoverErrorTests.Broken.class)
@Import({AllSettings.class, SecurityConfiguration.class, LeftoverErrorTests.Broken.class})
class LeftoverErrorTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anUnforeseenExceptionIsA500ThatNamesNothingInternal() throws Exception {
        mvc.perform(get("/api/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(ProblemHandler.INTERNAL_DETAIL))
                .andExpect(content().string(not(containsString("ArithmeticException"))))
                .andExpect(content().string(not(containsString("secret"))));
    }

    @Test
    void aStackOverflowIsAnswered500Too() throws Exception {
        mvc.perform(get("/api/deep"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(not(containsString("StackOverflow"))));
    }

    @RestController
    static class Broken {

        @GetMapping("/api/broken")
        String broken() {
            throw new ArithmeticException("secret internal state: integer overflow");
        }

        @GetMapping("/api/deep")
        String deep() {
            throw new StackOverflowError("secret");
        }
    }
}
