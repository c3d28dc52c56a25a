package kubetutor.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The images the simulated registry holds, read from {@code kubetutor/images.yaml}. */
public final class ImageCatalog {

    public record Image(String repository, List<String> tags, long size, List<Integer> ports) {
        public boolean hasTag(String tag) {
            return tags.contains("*") || tags.contains(tag);
        }
    }

    private final Map<String, Image> byRepository = new LinkedHashMap<>();

    public static ImageCatalog load() {
        try (InputStream in = ImageCatalog.class.getResourceAsStream("/kubetutor/images.yaml")) {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageCatalog parse(JsonNode root) {
        ImageCatalog c = new ImageCatalog();
        for (JsonNode n : root) {
            List<String> tags = new ArrayList<>();
            n.path("tags").forEach(t -> tags.add(t.asText()));
            List<Integer> ports = new ArrayList<>();
            n.path("ports").forEach(p -> ports.add(p.asInt()));
            Image image = new Image(n.path("repository").asText(), List.copyOf(tags), n.path("size").asLong(), List.copyOf(ports));
            c.byRepository.put(image.repository(), image);
        }
        return c;
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
