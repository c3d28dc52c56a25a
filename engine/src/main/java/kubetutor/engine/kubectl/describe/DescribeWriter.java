package kubetutor.engine.kubectl.describe;

/**
 * kubectl's PrefixWriter: each write is indented two spaces per level (only at its start, so a
 * write may carry its own deeper continuation lines), and the whole text is aligned by the
 * tabwriter at the end ({@link #text()}).
 */
public final class DescribeWriter {
    private final StringBuilder buf = new StringBuilder();

    /** Appends {@code text} after {@code level} indentation steps. */
    public DescribeWriter write(int level, String text) {
        for (int i = 0; i < level; i++) {
            buf.append("  ");
        }
        buf.append(text);
        return this;
    }

    /** Appends a {@code "Key:\tvalue\n"} line. */
    public DescribeWriter field(int level, String key, Object value) {
        return write(level, key + ":\t" + value + "\n");
    }

    public String text() {
        return GoTabwriter.format(buf.toString());
    }

    /** The text as written, tabs and all: what a PrefixWriter gives when no tabwriter is behind it. */
    public String raw() {
        return buf.toString();
    }
}
