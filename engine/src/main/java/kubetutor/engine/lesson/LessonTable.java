package kubetutor.engine.lesson;

import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Style;
import kubetutor.engine.output.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** The table {@code lesson} prints: each lesson, its steps, how many are done, its title. */
final class LessonTable {
    private LessonTable() {}

    /** @param running the running lesson's id, or null; every listed lesson must read */
    static Output of(Curriculum curriculum, ToIntFunction<String> done, String running, Language language) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String id : curriculum.ids()) {
            Lesson l;
            try {
                l = curriculum.find(id).orElseThrow();
            } catch (LessonException e) {
                throw new IllegalStateException(e);
            }
            int steps = l.steps().size();
            int finished = done.applyAsInt(id);
            rows.add(List.of(plain((id.equals(running) ? "* " : "  ") + id), plain(String.valueOf(steps)),
                    new Cell(finished == 0 ? "-" : finished + "/" + steps, finished == steps ? Style.OK : Style.PLAIN),
                    plain(l.title().in(language))));
        }
        List<String> headers = new ArrayList<>(List.of(Messages.get(language, "list.header").split("\t")));
        headers.set(0, "  " + headers.get(0));
        return new Output.TableOutput(new Table(headers, rows));
    }

    private static Cell plain(String text) {
        return new Cell(text, Style.PLAIN);
    }
}
