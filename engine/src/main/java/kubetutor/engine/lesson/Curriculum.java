package kubetutor.engine.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lessons, in the order {@code lessons/lessons.txt} lists them (one id per line). Each lesson is
 * read when first asked for, so that a shell that never starts one never parses one.
 */
public final class Curriculum {
    private static final String ROOT = "/kubetutor/lessons/";
    private static Curriculum builtIn;

    private final Function<String, String> files;
    /** Read on first use: a session that never touches a lesson does not pay for the index at start-up. */
    private List<String> ids;
    private final Map<String, Lesson> read = new HashMap<>();

    /** @param files a file's text by its path under the lessons directory, or null when there is none */
    public Curriculum(Function<String, String> files) {
        this.files = files;
    }

    /** The lessons shipped in the engine's jar (copied there from the project's {@code lessons/}). */
    public static synchronized Curriculum builtIn() {
        if (builtIn == null) {
            builtIn = new Curriculum(Curriculum::resource);
        }
        return builtIn;
    }

    public synchronized List<String> ids() {
        if (ids == null) {
            String index = files.apply("lessons.txt");
            List<String> listed = new ArrayList<>();
            if (index != null) {
                for (String line : index.split("\n")) {
                    String id = line.strip();
                    if (!id.isEmpty() && !id.startsWith("#")) {
                        listed.add(id);
                    }
                }
            }
            ids = List.copyOf(listed);
        }
        return ids;
    }

    /** The lesson with this id, or empty when none is listed under it. */
    public synchronized Optional<Lesson> find(String id) throws LessonException {
        if (!ids().contains(id)) {
            return Optional.empty();
        }
        Lesson lesson = read.get(id);
        if (lesson == null) {
            String yaml = files.apply(id + "/lesson.yaml");
            if (yaml == null) {
                throw new LessonException(id + ": lessons.txt lists it, but " + id + "/lesson.yaml is missing");
            }
            lesson = LessonReader.read(id, yaml, name -> files.apply(id + "/" + name));
            read.put(id, lesson);
        }
        return Optional.of(lesson);
    }

    private static String resource(String path) {
        try (InputStream in = Curriculum.class.getResourceAsStream(ROOT + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
