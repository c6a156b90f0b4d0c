package org.llmtracker.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the load's clients ask, in the proportions people click: mostly search as they type (one
 * request per keystroke, prefixes of the names of popular models), then model pages (the biggest
 * family's root and members, and popular models), the model's JSON, descendants, ancestors, the
 * families list, the digest page and a path. Each client walks {@link #CYCLE} from its own offset.
 */
final class LoadMix {

    /** The routes in the order the report prints them. */
    enum Route {
        SEARCH("search as you type"), MODEL_PAGE("model page"), MODEL_DETAIL("model detail (JSON)"),
        DESCENDANTS("descendants (biggest family)"), ANCESTORS("ancestors (deepest model)"), FAMILIES("families"),
        DIGEST("digest page"), PATH("path (two cousins)");

        final String label;

        Route(String label) {
            this.label = label;
        }
    }

    /** One client's turn: four keystrokes of search for each of the other routes' one request. */
    static final List<Route> CYCLE = List.of(Route.SEARCH, Route.MODEL_PAGE, Route.SEARCH, Route.DESCENDANTS,
            Route.SEARCH, Route.MODEL_DETAIL, Route.SEARCH, Route.ANCESTORS, Route.SEARCH, Route.MODEL_PAGE,
            Route.SEARCH, Route.FAMILIES, Route.SEARCH, Route.DIGEST, Route.SEARCH, Route.PATH);

    /** The longest prefix a client types before it picks another name. */
    private static final int TYPED = 14;

    private final Properties landmarks;
    private final List<String> family;
    private final List<String> popular;
    private final List<String> names;

    LoadMix(Properties landmarks, List<String> family, List<String> popular, List<String> names) {
        this.landmarks = landmarks;
        this.family = family;
        this.popular = popular;
        this.names = names;
    }

    /** The next keystrokes of one client: the prefixes of one name, then of another. */
    final class Typing {
        private String name = "";
        private int typed;

        String next() {
            if (typed >= Math.min(TYPED, name.length())) {
                name = names.get(ThreadLocalRandom.current().nextInt(names.size()));
                typed = 0;
            }
            typed++;
            return "/api/models?sort=relevance&size=20&q=" + encode(name.substring(0, typed));
        }
    }

    String path(Route route, Typing typing) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return switch (route) {
            case SEARCH -> typing.next();
            // the page redirects another spelling to the canonical (lower-case) id: ask for that one
            case MODEL_PAGE -> "/models/" + (random.nextInt(4) == 0 ? landmarks.getProperty("biggestRoot").toLowerCase(Locale.ROOT)
                    : random.nextBoolean() ? family.get(random.nextInt(family.size())) : popular.get(random.nextInt(popular.size())));
            case MODEL_DETAIL -> "/api/models/" + popular.get(random.nextInt(popular.size()));
            case DESCENDANTS -> "/api/models/" + landmarks.getProperty("biggestRoot") + "/descendants";
            case ANCESTORS -> "/api/models/" + landmarks.getProperty("deepestLeaf") + "/ancestors";
            case FAMILIES -> "/api/families?size=20";
            case DIGEST -> "/digests";
            case PATH -> "/api/lineage/path?from=" + encode(landmarks.getProperty("pathFrom")) + "&to="
                    + encode(landmarks.getProperty("pathTo"));
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
