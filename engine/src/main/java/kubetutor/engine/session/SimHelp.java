package kubetutor.engine.session;

import kubetutor.engine.format.Sections;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code help TOPIC} for the simulator's own commands: pages kept as data, read only when asked for. */
final class SimHelp {
    private static final String PAGES = "/kubetutor/help/simulator.txt";
    /** The shell's editor commands share one page. */
    private static final Map<String, String> ALIASES = Map.of("vim", "vi", "nano", "vi", "edit", "vi");

    private SimHelp() {}

    static Optional<String> page(String topic) {
        Map<String, List<String>> pages = Sections.parse(Sections.resource(PAGES).orElseThrow(
                () -> new IllegalStateException("missing " + PAGES)));
        return Optional.ofNullable(pages.get(ALIASES.getOrDefault(topic, topic))).map(lines -> String.join("\n", lines) + "\n");
    }
}
