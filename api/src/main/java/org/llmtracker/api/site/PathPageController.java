package org.llmtracker.api.site;

import java.util.Locale;

import org.llmtracker.api.i18n.Texts;
import org.springframework.context.MessageSource;

import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.model.ModelQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** How two models are related: the models and links between them, listed and drawn. */
@Controller
class PathPageController {

    private final ModelQueries models;
    private final MessageSource messages;
    private final LineageQueries lineage;

    PathPageController(ModelQueries models, LineageQueries lineage, MessageSource messages) {
        this.models = models;
        this.messages = messages;
        this.lineage = lineage;
    }

    @GetMapping("/lineage/path")
    String path(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            Locale locale) {
        Texts texts = new Texts(messages, locale);
        model.addAttribute("title", texts.get("path.title"));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            return "path";
        }
        var a = models.resolve(from);
        var b = models.resolve(to);
        if (a.isEmpty() || b.isEmpty()) {
            model.addAttribute("problem", texts.get("path.unknown", (a.isEmpty() ? from : to).trim()));
            return "path";
        }
        var found = lineage.path(a.get(), b.get());
        if (found.isEmpty()) {
            model.addAttribute("problem", texts.get("path.none", LineageQueries.MAX_PATH_LENGTH, a.get(), b.get()));
            return "path";
        }
        model.addAttribute("path", found.get());
        model.addAttribute("pathUrl", "/api/lineage/path?from=" + encode(a.get()) + "&to=" + encode(b.get()));
        return "path";
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
