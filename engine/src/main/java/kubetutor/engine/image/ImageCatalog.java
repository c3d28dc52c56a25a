package kubetutor.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.format.ResourceYaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The images the simulated registry holds, and what each one runs, read from {@code kubetutor/images.yaml}. */
public final class ImageCatalog {

    /**
     * One repository. {@code entrypoint} and {@code cmd} are the image config's (Docker's rules decide
     * what a container runs); {@code shell} says the image's programs are the sh interpreter's;
     * {@code server} describes its long-running program, when it has one.
     */
    public record Image(String repository, Tags tags, long size, List<Integer> ports, List<String> entrypoint,
                        List<String> cmd, boolean shell, Map<String, String> files, Server server) {
        public boolean hasTag(String tag) {
            return tags.has(tag);
        }
    }

    /** A program that serves: see the comment at the top of images.yaml. */
    public record Server(String binary, Duration listenAfter, int sigtermExit, boolean accessLog, List<String> logs,
                         List<String> readyLogs, Map<Integer, HttpPort> http, List<Integer> tcp) {
        /** Whether argv[0] (a path or a bare name) starts this program. */
        public boolean startedBy(String argv0) {
            String base = argv0.substring(argv0.lastIndexOf('/') + 1);
            String own = binary.substring(binary.lastIndexOf('/') + 1);
            return base.equals(own);
        }
    }

    /** What one HTTP port answers: files under {@code root}, or a fixed body per tag ("*" for any). */
    public record HttpPort(String root, Map<String, String> bodies, String notFound) {
        public Optional<String> body(String tag) {
            String b = bodies.get(tag);
            if (b == null) {
                b = bodies.get("*");
            }
            return Optional.ofNullable(b);
        }
    }

    private static final ImageCatalog STANDARD = load();

    private final Map<String, Image> byRepository = new LinkedHashMap<>();

    /** The catalog shipped with kubetutor (read once). */
    public static ImageCatalog standard() {
        return STANDARD;
    }

    public static ImageCatalog load() {
        return parse(ResourceYaml.resource("/kubetutor/images.yaml"));
    }

    static ImageCatalog parse(JsonNode root) {
        ImageCatalog c = new ImageCatalog();
        for (JsonNode n : root) {
            List<Integer> ports = new ArrayList<>();
            n.path("ports").forEach(p -> ports.add(p.asInt()));
            Map<String, String> files = new LinkedHashMap<>();
            n.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
            Image image = new Image(n.path("repository").asText(), Tags.of(strings(n.path("tags")),
                    strings(n.path("variants"))), n.path("size").asLong(),
                    List.copyOf(ports), strings(n.path("entrypoint")), strings(n.path("cmd")),
                    n.path("shell").asBoolean(false), Map.copyOf(files), server(n.get("server")));
            c.byRepository.put(image.repository(), image);
        }
        return c;
    }

    private static Server server(JsonNode s) {
        if (s == null) {
            return null;
        }
        Map<Integer, HttpPort> http = new LinkedHashMap<>();
        s.path("http").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            Map<String, String> bodies = new LinkedHashMap<>();
            p.path("body").fields().forEachRemaining(b -> bodies.put(b.getKey(), b.getValue().asText()));
            http.put(Integer.parseInt(e.getKey()), new HttpPort(p.path("root").asText(null), bodies,
                    p.path("notFound").asText("")));
        });
        List<Integer> tcp = new ArrayList<>();
        s.path("tcp").forEach(p -> tcp.add(p.asInt()));
        String term = s.path("sigterm").asText("exit 143");
        int sigtermExit = term.equals("ignore") ? -1 : Integer.parseInt(term.substring("exit ".length()));
        return new Server(s.path("binary").asText(), duration(s.path("listenAfter").asText("0ms")), sigtermExit,
                s.path("accessLog").asBoolean(false), strings(s.path("logs")), strings(s.path("readyLogs")),
                Map.copyOf(http), List.copyOf(tcp));
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.asText()));
        return List.copyOf(out);
    }

    /** Whether the registry has the repository at all (a missing tag is then "not found", not "access denied"). */
    public boolean hasRepository(ImageRef ref) {
        return byRepository.containsKey(ref.repository());
    }

    /** The image a reference names, when the registry has that repository and tag. */
    public Optional<Image> find(ImageRef ref) {
        Image image = byRepository.get(ref.repository());
        if (image == null || !(ref.tag().isEmpty() || image.hasTag(ref.tag()))) {
            return Optional.empty();
        }
        return Optional.of(image);
    }
}
