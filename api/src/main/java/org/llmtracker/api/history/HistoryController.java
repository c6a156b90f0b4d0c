package org.llmtracker.api.history;

import org.llmtracker.api.models.ModelIds;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.graph.history.HistoryQueries;
import org.llmtracker.graph.history.ModelHistory;
import org.llmtracker.graph.history.RepositoryHistory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Figures over time, as the crawlers recorded them: one point per day on which something moved. */
@RestController
class HistoryController {

    private final HistoryQueries history;
    private final ModelIds ids;

    HistoryController(HistoryQueries history, ModelIds ids) {
        this.history = history;
        this.ids = ids;
    }

    @Operation(summary = "A model's Hugging Face downloads and likes over time, oldest first")
    @GetMapping({"/api/models/{id}/history", "/api/models/{owner}/{name}/history"})
    ModelHistory model(@PathVariable(required = false) String id, @PathVariable(required = false) String owner,
            @PathVariable(required = false) String name) {
        String model = ids.resolve(id, owner, name);
        return history.model(model).orElseThrow(() -> NotFoundException.model(model));
    }

    @Operation(summary = "A repository's GitHub stars and forks over time, oldest first",
            description = "The name in any case, or a name the repository had before a rename.")
    @GetMapping("/api/repositories/{owner}/{name}/history")
    RepositoryHistory repository(@PathVariable String owner, @PathVariable String name) {
        return history.repository(owner + "/" + name).orElseThrow(() ->
                new NotFoundException("No repository named '" + owner + "/" + name + "'"));
    }
}
