package kubetutor.engine.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plain text format the help pages are kept in: each section opens with a line {@code @name}
 * and runs to the next. Split by hand, because help is read only when asked for and start-up must
 * not pay for a YAML parser.
 */
public final class Sections {
    private Sections() {}

    /** A resource's text, or empty when there is no such resource. */
    public static Optional<String> resource(String path) {
        try (InputStream in = Sections.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each section's lines by name, in file order, without the blank lines that end a section. */
    public static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("@")) {
                current = new ArrayList<>();
                sections.put(line.substring(1).strip(), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        for (List<String> lines : sections.values()) {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
        }
        return sections;
    }
}
