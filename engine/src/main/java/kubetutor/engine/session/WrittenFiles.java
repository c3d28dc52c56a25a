package kubetutor.engine.session;

import kubetutor.engine.command.Words;
import kubetutor.engine.container.sh.VirtualFs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The files a text tool writes (tee FILE, sed -i FILE): it writes them on its scratch file system,
 * and they are copied back to the workspace afterwards, at the same names.
 */
final class WrittenFiles {
    private WrittenFiles() {}

    /** The operands of a pipeline's stages that the stage writes to. */
    static List<String> of(String pipeline) {
        Words.Result r = Words.split(pipeline);
        List<String> out = new ArrayList<>();
        List<String> stage = new ArrayList<>();
        for (int i = 0; i <= r.words().size(); i++) {
            if (i == r.words().size() || r.operator().get(i)) {
                out.addAll(of(stage));
                stage.clear();
            } else {
                stage.add(r.words().get(i));
            }
        }
        return out;
    }

    /** The operands one command (its name first) writes to. */
    static List<String> of(List<String> command) {
        if (command.isEmpty()) {
            return List.of();
        }
        List<String> operands = new ArrayList<>();
        boolean inPlace = false;
        boolean script = false;
        for (String w : command.subList(1, command.size())) {
            if (w.startsWith("-i")) {
                inPlace = true;
            } else if (w.equals("-e")) {
                script = true;
            } else if (!w.startsWith("-")) {
                operands.add(w);
            }
        }
        return switch (command.get(0)) {
            case "tee" -> operands;
            case "sed" -> !inPlace ? List.of() : script || operands.isEmpty() ? operands : operands.subList(1, operands.size());
            default -> List.of();
        };
    }

    /** Copies what the tool left at {@code operand} back to the workspace, when it differs. */
    static void copyBack(Function<String, Path> resolve, VirtualFs fs, String cwd, String operand) {
        Optional<String> after = fs.read(VirtualFs.resolve(cwd, operand));
        Path p = resolve.apply(operand);
        if (after.isEmpty() || p == null || !Files.isDirectory(p.getParent()) || Files.isDirectory(p)) {
            return;
        }
        try {
            if (!Files.exists(p) || !Files.readString(p).equals(after.get())) {
                Files.writeString(p, after.get());
            }
        } catch (IOException e) {
            // the disk refused it (permissions): the learner sees the file as it was
        }
    }
}
