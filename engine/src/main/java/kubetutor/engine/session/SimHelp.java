package kubetutor.engine.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code help TOPIC} for the simulator's own commands: pages kept as data, read only when asked for. */
final class SimHelp {
    private static final String PAGES = "/kubetutor/help/simulator.txt";
    /** The shell's editor commands share one page. */
    private static final Map<String, String> ALIASES = Map.of("vim", "vi", "nano", "vi", "edit", "vi");

    private SimHelp() {}

    static Optional<String> page(String topic) {
        return Optional.ofNullable(pages().get(ALIASES.getOrDefault(topic, topic)));
    }

    private static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        try (InputStream in = SimHelp.class.getResourceAsStream(PAGES)) {
            if (in == null) {
                throw new IllegalStateException("missing " + PAGES);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String topic = null;
            StringBuilder text = new StringBuilder();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("@")) {
                    if (topic != null) {
                        pages.put(topic, text.toString());
                    }
                    topic = line.substring(1).strip();
                    text.setLength(0);
                } else {
                    text.append(line).append('\n');
                }
            }
            if (topic != null) {
                pages.put(topic, text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }
}
