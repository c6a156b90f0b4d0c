package org.llmtracker.api.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a multi-instance test saw, in order: events with the instance and the time since the
 * test class began, and one row per case (what was sent, the status, the duration, whether the
 * store's content hash was unchanged). Printed and written under {@code target/} for the report.
 */
final class Timeline {

    private final long origin = System.nanoTime();
    private final List<String> events = new ArrayList<>();
    private final List<String> cases = new ArrayList<>();

    /** Milliseconds since the test class began. */
    synchronized long now() {
        return (System.nanoTime() - origin) / 1_000_000;
    }

    synchronized long event(String instance, String what) {
        long at = now();
        events.add("| t+" + at + " ms | " + instance + " | " + what + " |");
        return at;
    }

    synchronized void row(String sent, String status, long millis, String hashUnchanged) {
        cases.add("| " + sent + " | " + status + " | " + millis + " ms | " + hashUnchanged + " |");
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder("## Timeline\n\n| t | instance | event |\n|---|---|---|\n");
        events.forEach(e -> out.append(e).append('\n'));
        out.append("\n## Cases\n\n| sent | status | duration | store hash unchanged |\n|---|---|---|---|\n");
        cases.forEach(c -> out.append(c).append('\n'));
        return out.toString();
    }

    void write(Path file) {
        String text = render();
        System.out.println(text);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
