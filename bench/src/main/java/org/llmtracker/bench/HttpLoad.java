package org.llmtracker.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N concurrent HTTP clients against a running application (never linked to it: a URL is all it
 * knows), each walking the mix of {@link LoadMix}: search as people type, model pages, the model's
 * JSON, descendants of the biggest family, ancestors of its deepest model, families, the digest page
 * and a path. It measures a warm phase alone, then, with an admin token, the same load while a writer
 * adds catalogue entries under that family ({@link LoadPhase}). Prints requests/s, p50/p99 and
 * errors per route, and puts the table into BENCHMARKS.md between its load markers.
 *
 * <pre>java -cp bench/target/llm-tracker-bench.jar -Dloader.main=org.llmtracker.bench.HttpLoad \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --url http://127.0.0.1:8080 \
 *   --landmarks ./data/load/landmarks.properties --clients 32 --seconds 30 --warmup 10 --token "$TRACKER_ADMIN_TOKEN"</pre>
 */
public final class HttpLoad {

    static final String START = "<!-- http-load:start -->";
    static final String END = "<!-- http-load:end -->";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    private HttpLoad(String url) {
        this.url = url.replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        Path landmarksFile = Path.of("data/load/landmarks.properties");
        int clients = 32;
        double seconds = 30;
        double warmup = 10;
        String token = null;
        Path out = Path.of("BENCHMARKS.md");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--landmarks" -> landmarksFile = Path.of(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--token" -> token = args[i + 1];
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; known: --url --landmarks --clients --seconds --warmup --token --out");
            }
        }
        Properties landmarks = new Properties();
        try (Reader in = Files.newBufferedReader(landmarksFile)) {
            landmarks.load(in);
        }
        HttpLoad load = new HttpLoad(url);
        List<String> family = load.values("/api/models/" + landmarks.getProperty("biggestRoot") + "/descendants?size=200", ID);
        List<String> popular = load.values("/api/models?sort=downloads&size=200", ID);
        List<String> names = load.values("/api/models?sort=downloads&size=200", NAME).stream()
                .map(n -> n.substring(n.indexOf('/') + 1)).toList();
        LoadPhase phases = new LoadPhase(load.client, load.url, new LoadMix(landmarks, family, popular, names));

        StringBuilder report = new StringBuilder();
        report.append(START).append("\n## HTTP load\n\n")
                .append("Measured ").append(Instant.now()).append(" against ").append(url).append(", ")
                .append(landmarks.getProperty("models")).append(" generated models (biggest family ")
                .append(landmarks.getProperty("familySize")).append("), ").append(clients).append(" clients, ")
                .append(seconds).append(" s per phase after ").append(warmup).append(" s warm-up, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores (client and server on one machine). ")
                .append("Each client asks, in turn, four keystrokes of search for each other request")
                .append(token == null ? ".\n\n" : "; the writer also writes during the warm-up.\n\n")
                .append("```sh\n").append(command(args)).append("\n```\n\n")
                .append("| phase | route | requests | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|\n");
        // The warm-up writes too when it may: a first write plans a dozen statements, which under 32
        // clients on 2 cores took past the writer's 30 s timeout, and a server that has run a while
        // has them planned.
        phases.run("warm-up", clients, warmup, token, family);
        report.append(phases.run("alone", clients, seconds, null, family).rows());
        if (token != null) {
            LoadPhase.Result writing = phases.run("while writing", clients, seconds, token, family);
            report.append(writing.rows()).append("\nWhile writing: ").append(writing.writes()).append(" catalogue writes (")
                    .append(String.format("%.1f", writing.writes() / seconds)).append("/s), ").append(writing.writeErrors())
                    .append(" write errors.\n");
        }
        report.append(END).append("\n");
        System.out.println(report);
        update(out, report.toString());
        System.out.println("Updated " + out.toAbsolutePath());
    }

    private List<String> values(String path, Pattern field) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + path + " answered " + response.statusCode() + ": " + response.body());
        }
        List<String> ids = new ArrayList<>();
        Matcher m = field.matcher(response.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException(url + path + " listed no models: is the app running on the load store?");
        }
        return ids;
    }

    /** Puts the load section into the report, replacing an earlier one, keeping everything else. */
    static void update(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String updated = start >= 0 && end > start
                ? text.substring(0, start) + section.strip() + text.substring(end + END.length())
                : text.stripTrailing() + "\n\n" + section;
        Files.writeString(file, updated);
    }

    /** The section of an existing report, so the lineage benchmark keeps it when it rewrites the file. */
    static String section(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        return start >= 0 && end > start ? text.substring(start, end + END.length()) + "\n" : "";
    }

    private static String command(String[] args) {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList();
        return "java " + String.join(" ", jvm) + " -cp bench/target/llm-tracker-bench.jar -Dloader.main=" + HttpLoad.class.getName()
                + " org.springframework.boot.loader.launch.PropertiesLauncher "
                + String.join(" ", args).replaceAll("--token \\S+", "--token \\$TRACKER_ADMIN_TOKEN");
    }
}
