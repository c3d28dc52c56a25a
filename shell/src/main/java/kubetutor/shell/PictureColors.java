package kubetutor.shell;

import kubetutor.engine.output.ClusterMapText;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Timeline;
import kubetutor.engine.output.TimelineText;

/**
 * The pictures (timeline, cluster map) on a terminal: drawn at the terminal's width, with colour
 * for a revision (its pods' bars) and for a status. The glyphs and words say the same without it.
 */
final class PictureColors {
    /** Blue, magenta, cyan, yellow: one per revision in turn, none of them the status colours. */
    private static final String[] REVISIONS = {"\u001b[34m", "\u001b[35m", "\u001b[36m", "\u001b[33m"};

    private PictureColors() {}

    static final TimelineText.Paint PAINT = new TimelineText.Paint() {
        @Override
        public String state(String glyphs, Timeline.State state, int revision) {
            String sgr = state == Timeline.State.TERMINATING || state == Timeline.State.PENDING ? Ansi.DIM
                    : REVISIONS[Math.floorMod(revision - 1, REVISIONS.length)];
            return Ansi.wrap(sgr, glyphs);
        }

        @Override
        public String dim(String text) {
            return Ansi.wrap(Ansi.DIM, text);
        }
    };

    /** The picture's text, or null when the output is not a picture. */
    static String render(Output output, boolean color, int width) {
        int columns = width > 0 ? width : TimelineText.PLAIN_WIDTH;
        if (output instanceof Output.TimelineOutput t) {
            return TimelineText.render(t.timeline(), columns, color ? PAINT : TimelineText.Paint.NONE);
        }
        if (output instanceof Output.ClusterMapOutput m) {
            return ClusterMapText.render(m, color ? (text, style) -> Ansi.wrap(Ansi.of(style), text) : ClusterMapText.NO_COLOR);
        }
        return null;
    }
}
