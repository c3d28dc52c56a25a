package kubetutor.shell;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.Tabwriter;

/**
 * On a terminal, a watched map ({@code cluster -w}) is redrawn over the one before it, as watch(1)
 * redraws its screen: the cursor goes back up the rows the last map took and clears below. Where
 * that cannot work (no terminal, or a map taller than the screen, whose top has scrolled away) each
 * map is printed after the last, headed by when it was true.
 */
final class InPlace {
    private static final String ERASE_BELOW = "\u001b[J";

    /** Screen rows the last output took when it was a map, else 0: only a map directly above is replaced. */
    private int rows;

    String place(Output output, String rendered, int width, int height) {
        String prefix = "";
        if (output instanceof Output.ClusterMapOutput m && m.redraw() != null && rows > 0 && width > 0
                && (height == 0 || rows < height)) {
            prefix = "\u001b[" + rows + "A\r" + ERASE_BELOW;
        }
        rows = output instanceof Output.ClusterMapOutput && width > 0 ? screenRows(rendered, width) : 0;
        return prefix + rendered;
    }

    /** Rows on a screen {@code width} columns wide: a line longer than that wraps onto more. */
    static int screenRows(String text, int width) {
        int rows = 0;
        for (String line : text.split("\n")) {
            int w = Tabwriter.displayWidth(Ansi.strip(line));
            rows += Math.max(1, (w + width - 1) / width);
        }
        return rows;
    }
}
