package kubetutor.engine.lesson;

import java.util.List;

/**
 * A lesson as its file describes it.
 *
 * @param files the manifests it hands out into the workspace when it starts
 * @param setup commands run on the fresh cluster before the first step (their output is not shown)
 */
public record Lesson(String id, Localized title, Localized summary, List<HandedFile> files, List<String> setup,
                     List<Step> steps) {
    public Lesson {
        files = List.copyOf(files);
        setup = List.copyOf(setup);
        steps = List.copyOf(steps);
    }

    public record HandedFile(String name, String content) {}
}
