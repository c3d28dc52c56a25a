package kubetutor.engine.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a lesson's files into the workspace, never over a learner's own edits. */
final class HandOut {
    private HandOut() {}

    /** Appends what happened (files given, files kept, files that failed) to {@code intro}. */
    static void files(Lesson l, Path workDir, Language language, StringBuilder intro) {
        List<String> given = new ArrayList<>();
        for (Lesson.HandedFile f : l.files()) {
            Path target = workDir.resolve(f.name());
            try {
                if (Files.exists(target)) {
                    if (!Files.readString(target, StandardCharsets.UTF_8).equals(f.content())) {
                        intro.append(Messages.get(language, "start.kept", f.name())).append('\n');
                        continue;
                    }
                } else {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, f.content(), StandardCharsets.UTF_8);
                }
                given.add(f.name());
            } catch (IOException e) {
                intro.append(Messages.get(language, "broken", l.id(), f.name() + ": " + e.getMessage())).append('\n');
            }
        }
        if (!given.isEmpty()) {
            intro.append(Messages.get(language, "start.files", workDir, String.join(", ", given))).append('\n');
        }
    }
}
