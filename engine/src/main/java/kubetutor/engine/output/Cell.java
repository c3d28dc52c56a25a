package kubetutor.engine.output;

/** One table cell: the text kubectl prints, and what it means. */
public record Cell(String text, Style style) {
    public static Cell plain(String text) {
        return new Cell(text, Style.PLAIN);
    }
}
