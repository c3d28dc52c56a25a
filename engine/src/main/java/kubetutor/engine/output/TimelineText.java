package kubetutor.engine.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Timeline} as text: one row per pod (name, revision, node, then one glyph per column of
 * time), an axis in simulated seconds, and the scaling steps marked under it and listed. The glyphs
 * differ by shape, so the picture reads without colour; a {@link Paint} adds colour on a terminal.
 */
public final class TimelineText {
    /** Columns a plain rendering assumes when nothing says how wide the page is (pipes, batch mode). */
    public static final int PLAIN_WIDTH = 80;
    private static final int MIN_COLUMNS = 10;
    private static final long[] SCALES = {1, 2, 3, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400};
    private static final String STEP_LABELS = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Colour for a run of glyphs; {@link #NONE} leaves text as it is. */
    public interface Paint {
        String state(String glyphs, Timeline.State state, int revision);

        String dim(String text);

        Paint NONE = new Paint() {
            @Override
            public String state(String glyphs, Timeline.State state, int revision) {
                return glyphs;
            }

            @Override
            public String dim(String text) {
                return text;
            }
        };
    }

    private TimelineText() {}

    public static char glyph(Timeline.State state) {
        return switch (state) {
            case PENDING -> '·';
            case NOT_READY -> '░';
            case READY -> '█';
            case TERMINATING -> 'x';
        };
    }

    /** Simulated seconds per column, so that the whole timeline fits in {@code columns}. */
    static long scale(long length, int columns) {
        for (long s : SCALES) {
            if ((length + s - 1) / s <= columns) {
                return s;
            }
        }
        return (length + columns - 1) / columns;
    }

    public static String render(Timeline t, int width, Paint paint) {
        int nameWidth = 3;
        int nodeWidth = 0;
        boolean revisions = false;
        for (Timeline.Row r : t.rows()) {
            nameWidth = Math.max(nameWidth, r.pod().length());
            nodeWidth = Math.max(nodeWidth, r.node().length());
            revisions |= r.revision() > 0;
        }
        int revWidth = revisions ? 2 + String.valueOf(t.rows().stream().mapToInt(Timeline.Row::revision).max().orElse(0)).length() : 0;
        int label = nameWidth + 2 + (revisions ? revWidth : 0) + (nodeWidth > 0 ? nodeWidth + 2 : 0);
        int columns = Math.max(MIN_COLUMNS, width - label - 1);
        long scale = scale(t.length(), columns);
        int used = (int) Math.max(1, (t.length() + scale - 1) / scale);

        StringBuilder out = new StringBuilder();
        out.append(t.subject()).append(": ").append(t.rows().size()).append(t.rows().size() == 1 ? " pod" : " pods")
                .append(", ").append(t.length()).append("s of simulated time from ").append(t.startedAt())
                .append(" (1 column = ").append(scale).append("s)\n");
        out.append(paint.dim(legend(revisions))).append('\n');
        if (t.dropped() > 0) {
            out.append(paint.dim("(" + t.dropped() + " older pods are not shown: the recorder keeps the latest "
                    + "of each owner only)")).append('\n');
        }
        for (Timeline.Row r : t.rows()) {
            StringBuilder line = new StringBuilder(pad(r.pod(), nameWidth + 2));
            if (revisions) {
                line.append(pad(r.revision() > 0 ? "r" + r.revision() : "", revWidth));
            }
            if (nodeWidth > 0) {
                line.append(pad(r.node().isEmpty() ? "-" : r.node(), nodeWidth + 2));
            }
            out.append(line).append(bars(r, used, scale, paint)).append('\n');
        }
        String indent = " ".repeat(label);
        axis(out, indent, used, scale);
        steps(out, indent, t.steps(), used, scale);
        return out.toString();
    }

    private static String legend(boolean revisions) {
        StringBuilder sb = new StringBuilder();
        for (Timeline.State s : Timeline.State.values()) {
            sb.append(glyph(s)).append(' ').append(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append("   ");
        }
        sb.append("blank: no pod");
        if (revisions) {
            sb.append("   rN: revision N");
        }
        return sb.toString();
    }

    /** One glyph per column: the state the pod spent most of the column in (the later one on a tie). */
    private static String bars(Timeline.Row r, int used, long scale, Paint paint) {
        Timeline.State[] cells = new Timeline.State[used];
        for (int c = 0; c < used; c++) {
            long from = c * scale;
            long to = from + scale;
            long best = -1;
            for (Timeline.Span s : r.spans()) {
                long overlap = Math.min(to, s.to()) - Math.max(from, s.from());
                boolean instant = s.from() == s.to() && s.from() >= from && s.from() < to;
                if ((overlap > 0 || instant) && Math.max(0, overlap) >= best) {
                    best = Math.max(0, overlap);
                    cells[c] = s.state();
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        int c = 0;
        while (c < used) {
            int end = c;
            while (end < used && cells[end] == cells[c]) {
                end++;
            }
            if (cells[c] == null) {
                sb.append(" ".repeat(end - c));
            } else {
                sb.append(paint.state(String.valueOf(glyph(cells[c])).repeat(end - c), cells[c], r.revision()));
            }
            c = end;
        }
        int trailing = sb.length();
        while (trailing > 0 && sb.charAt(trailing - 1) == ' ') {
            trailing--;
        }
        return sb.substring(0, trailing);
    }

    /** Ticks every ten columns, with the second each stands for under it. */
    private static void axis(StringBuilder out, String indent, int used, long scale) {
        StringBuilder ticks = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (int c = 0; c <= used; c++) {
            ticks.append(c % 10 == 0 ? '|' : '-');
        }
        for (int c = 0; c <= used; c += 10) {
            String text = (c * scale) + "s";
            if (labels.length() > c) {
                continue;
            }
            labels.append(" ".repeat(c - labels.length())).append(text);
        }
        out.append(indent).append(ticks).append('\n').append(indent).append(labels).append('\n');
    }

    private static void steps(StringBuilder out, String indent, List<Timeline.Step> steps, int used, long scale) {
        if (steps.isEmpty()) {
            return;
        }
        char[] marks = new char[used + 1];
        java.util.Arrays.fill(marks, ' ');
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Timeline.Step s = steps.get(i);
            char label = i < STEP_LABELS.length() ? STEP_LABELS.charAt(i) : '+';
            int c = (int) Math.min(used, s.at() / scale);
            marks[c] = marks[c] == ' ' ? label : '*';
            listed.add(label + "  " + pad(s.at() + "s", 6) + s.message());
        }
        out.append(indent).append(new String(marks).stripTrailing()).append("   scaling steps").append('\n');
        for (String l : listed) {
            out.append("  ").append(l).append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
