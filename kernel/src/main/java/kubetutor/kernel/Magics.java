package kubetutor.kernel;

import java.util.List;

/** The kernel's magics, the one list that completion, %lsmagic and the unknown-magic error read. */
final class Magics {
    /** A magic as a learner types it, with what follows its name. */
    record Magic(String name, String usage) {}

    /** Line magics may stand on any line of a cell. */
    static final List<Magic> LINE = List.of(new Magic("%lsmagic", ""), new Magic("%reset", ""), new Magic("%sleep", " DURATION"));
    /** Cell magics take the first line; the rest of the cell is their input. */
    static final List<Magic> CELL = List.of(new Magic("%%file", " NAME"));

    private Magics() {}

    /** The names starting with {@code typed}: cell magics only on a cell's first line. */
    static List<String> completions(String typed, boolean firstLine) {
        List<Magic> all = firstLine ? java.util.stream.Stream.concat(LINE.stream(), CELL.stream()).toList() : LINE;
        return all.stream().map(Magic::name).filter(n -> n.startsWith(typed)).toList();
    }

    /** What %lsmagic prints, laid out as IPython's. */
    static String listing() {
        return "Available line magics:\n" + names(LINE) + "\n\nAvailable cell magics:\n" + names(CELL) + "\n";
    }

    /** The hint an unknown magic's error ends with. */
    static String hint() {
        List<String> usages = java.util.stream.Stream.concat(LINE.stream(), CELL.stream()).map(m -> m.name() + m.usage()).toList();
        return "(the magics are " + String.join(", ", usages.subList(0, usages.size() - 1)) + " and " + usages.get(usages.size() - 1) + ")";
    }

    private static String names(List<Magic> magics) {
        return String.join("  ", magics.stream().map(Magic::name).toList());
    }
}
