package kubetutor.kernel;

import kubetutor.engine.output.ClusterMap;
import kubetutor.engine.output.ClusterMapText;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Style;
import kubetutor.engine.output.Timeline;

import java.util.List;
import java.util.Locale;

/**
 * The pictures as inline SVG for a notebook: the rollout timeline as a Gantt chart (a bar per pod,
 * coloured by revision and drawn by state, the ready-pod count as a line, the scaling steps
 * numbered), and the cluster map as a box per node holding its pods. Text is {@code currentColor}
 * and fills are mid-tone colours at partial opacity, so both read on light and dark themes; every
 * state and status is also written as a word, so nothing is told by colour alone. Pure and
 * deterministic: the same picture gives the same bytes.
 */
final class PictureSvg {
    private static final String FONT = "font-family:var(--jp-code-font-family,monospace);font-size:12px";
    /** Tableau's mid-tones: distinct from each other, legible on white and on near-black. */
    private static final String[] REVISIONS = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948"};
    private static final int WIDTH = 760;
    private static final int LABEL = 290;
    private static final int ROW = 16;
    private static final int READY_BAND = 60;
    private static final long[] TICKS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400};

    private PictureSvg() {}

    /** The HTML of a picture output, or null when the output is not one. */
    static String html(Output output) {
        if (output instanceof Output.TimelineOutput t) {
            return timeline(t.timeline());
        }
        if (output instanceof Output.ClusterMapOutput m) {
            return clusterMap(m.map(), m.redraw() == null ? null : ClusterMapText.later(m.redraw()).replace(":", "")
                    + " (simulated time since the watch began)");
        }
        return null;
    }

    static String timeline(Timeline t) {
        int plot = WIDTH - LABEL - 20;
        int top = 58;
        int rowsBottom = top + t.rows().size() * ROW;
        int readyTop = rowsBottom + 34;
        int stepsTop = readyTop + READY_BAND + 24;
        int height = stepsTop + t.steps().size() * 16 + 8;
        double perSecond = plot / (double) Math.max(1, t.length());
        StringBuilder svg = open(WIDTH, height, "Rollout timeline of " + t.subject(), t.rows().size() + " pods over "
                + t.length() + " simulated seconds from " + t.startedAt() + "; " + t.steps().size() + " scaling steps"
                + (t.dropped() > 0 ? "; " + t.dropped() + " older pods not kept" : ""), "kubetutor-timeline");
        text(svg, 0, 14, t.subject() + " — " + t.length() + "s of simulated time from " + t.startedAt(), "font-weight:600");
        legend(svg, t, 30);
        for (int i = 0; i < t.rows().size(); i++) {
            Timeline.Row r = t.rows().get(i);
            int y = top + i * ROW;
            text(svg, 0, y + 12, r.pod() + (r.revision() > 0 ? "  r" + r.revision() : "") + "  " + (r.node().isEmpty() ? "-" : r.node()), "");
            for (Timeline.Span s : r.spans()) {
                bar(svg, r, s, LABEL + s.from() * perSecond, y + 2, Math.max(1.5, (s.to() - s.from()) * perSecond));
            }
        }
        for (int i = 0; i < t.steps().size(); i++) {
            Timeline.Step s = t.steps().get(i);
            double x = LABEL + s.at() * perSecond;
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(top - 4).append("\" x2=\"").append(num(x))
                    .append("\" y2=\"").append(readyTop + READY_BAND).append("\" stroke=\"currentColor\" stroke-opacity=\"0.35\""
                            + " stroke-dasharray=\"3 3\"/>");
        }
        axis(svg, t.length(), perSecond, rowsBottom + 4);
        readyLine(svg, t, perSecond, readyTop);
        // Steps in the same second share one mark: "2,3,4".
        java.util.Map<Long, StringBuilder> marks = new java.util.TreeMap<>();
        for (int i = 0; i < t.steps().size(); i++) {
            Timeline.Step s = t.steps().get(i);
            StringBuilder mark = marks.computeIfAbsent(s.at(), at -> new StringBuilder());
            mark.append(mark.length() == 0 ? "" : ",").append(i + 1);
            text(svg, 0, stepsTop + i * 16 + 12, (i + 1) + "  at " + s.at() + "s  " + s.message(), "");
        }
        marks.forEach((at, mark) -> text(svg, LABEL + at * perSecond + 2, top - 6, mark.toString(), "font-size:10px"));
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, Timeline t, int y) {
        double x = 0;
        for (Timeline.State s : Timeline.State.values()) {
            bar(svg, null, new Timeline.Span(0, 1, s), x, y - 10, 18);
            String word = word(s);
            text(svg, x + 22, y, word, "");
            x += 30 + word.length() * 7.5;
        }
        for (int rev : t.rows().stream().mapToInt(Timeline.Row::revision).filter(r -> r > 0).distinct().sorted().toArray()) {
            svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(y - 10).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(color(rev)).append("\"/>");
            text(svg, x + 16, y, "revision " + rev, "");
            x += 30 + 10 * 7.5;
        }
    }

    /** A state's bar: ready solid, not ready faint with an outline, pending dashed outline, terminating struck through. */
    private static void bar(StringBuilder svg, Timeline.Row row, Timeline.Span s, double x, int y, double width) {
        String c = color(row == null ? 0 : row.revision());
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(y).append("\" width=\"").append(num(width))
                .append("\" height=\"12\" class=\"kubetutor-").append(s.state().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append("\" stroke=\"").append(c).append('"');
        switch (s.state()) {
            case READY -> svg.append(" fill=\"").append(c).append('"');
            case NOT_READY -> svg.append(" fill=\"").append(c).append("\" fill-opacity=\"0.35\"");
            case PENDING -> svg.append(" fill=\"none\" stroke-dasharray=\"2 2\"");
            case TERMINATING -> svg.append(" fill=\"").append(c).append("\" fill-opacity=\"0.15\" stroke-dasharray=\"1 3\"");
        }
        svg.append('>');
        if (row != null) {
            svg.append("<title>").append(Html.escape(row.pod() + ": " + word(s.state()) + " from " + s.from() + "s to " + s.to() + "s"))
                    .append("</title>");
        }
        svg.append("</rect>");
        if (s.state() == Timeline.State.TERMINATING) {
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(y + 6).append("\" x2=\"").append(num(x + width))
                    .append("\" y2=\"").append(y + 6).append("\" stroke=\"").append(c).append("\"/>");
        }
    }

    private static void axis(StringBuilder svg, long length, double perSecond, int y) {
        long tick = TICKS[TICKS.length - 1];
        for (long t : TICKS) {
            if (t * perSecond >= 50) {
                tick = t;
                break;
            }
        }
        svg.append("<line x1=\"").append(LABEL).append("\" y1=\"").append(y).append("\" x2=\"").append(num(LABEL + length * perSecond))
                .append("\" y2=\"").append(y).append("\" stroke=\"currentColor\"/>");
        for (long s = 0; s <= length; s += tick) {
            double x = LABEL + s * perSecond;
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(y).append("\" x2=\"").append(num(x)).append("\" y2=\"")
                    .append(y + 4).append("\" stroke=\"currentColor\"/>");
            text(svg, x - 6, y + 16, s + "s", "font-size:10px");
        }
    }

    private static void readyLine(StringBuilder svg, Timeline t, double perSecond, int top) {
        List<long[]> counts = t.readyCounts();
        long most = Math.max(1, counts.stream().mapToLong(c -> c[1]).max().orElse(1));
        double perPod = READY_BAND / (double) most;
        text(svg, 0, top + 12, "ready pods (0 to " + most + ")", "");
        StringBuilder d = new StringBuilder();
        long previous = 0;
        for (int i = 0; i < counts.size(); i++) {
            double x = LABEL + counts.get(i)[0] * perSecond;
            double y = top + READY_BAND - counts.get(i)[1] * perPod;
            d.append(i == 0 ? "M" + num(x) + " " + num(y) : " V" + num(y)).append(i + 1 < counts.size()
                    ? " H" + num(LABEL + counts.get(i + 1)[0] * perSecond) : " H" + num(LABEL + t.length() * perSecond));
            previous = counts.get(i)[1];
        }
        svg.append("<path class=\"kubetutor-ready-count\" d=\"").append(d).append("\" fill=\"none\" stroke=\"currentColor\""
                + " stroke-width=\"2\"><title>ready pods: ").append(previous).append(" now</title></path>");
        svg.append("<line x1=\"").append(LABEL).append("\" y1=\"").append(top + READY_BAND).append("\" x2=\"")
                .append(num(LABEL + t.length() * perSecond)).append("\" y2=\"").append(top + READY_BAND)
                .append("\" stroke=\"currentColor\" stroke-opacity=\"0.35\"/>");
    }

    static String clusterMap(ClusterMap map) {
        return clusterMap(map, null);
    }

    /** @param caption what the map of a watch says under it (how much later it is), or null */
    static String clusterMap(ClusterMap map, String caption) {
        int box = boxWidth(map);
        int gap = 12;
        int most = 1;
        for (ClusterMap.Node n : map.nodes()) {
            most = Math.max(most, n.pods().size() + (n.hidden() > 0 || n.pods().isEmpty() ? 1 : 0));
        }
        int boxHeight = 58 + most * 22;
        int width = Math.max(box, map.nodes().size() * (box + gap) - gap);
        int listed = boxHeight + 6 + (map.unscheduled().isEmpty() ? 0 : 24 + map.unscheduled().size() * 22);
        int height = listed + (caption == null ? 0 : 20);
        StringBuilder svg = open(width, height, "Cluster map" + (caption == null ? "" : ", " + caption), map.nodes().size()
                + " nodes; pods of " + (map.namespace() == null ? "every namespace" : "namespace " + map.namespace()),
                "kubetutor-cluster-map");
        if (caption != null) {
            text(svg, 0, listed + 12, caption, "opacity:0.75");
        }
        for (int i = 0; i < map.nodes().size(); i++) {
            ClusterMap.Node n = map.nodes().get(i);
            int x = i * (box + gap);
            svg.append("<g class=\"kubetutor-node\"><rect x=\"").append(x + 1).append("\" y=\"1\" width=\"").append(box - 2)
                    .append("\" height=\"").append(boxHeight - 2).append("\" rx=\"6\" fill=\"currentColor\" fill-opacity=\"0.04\""
                            + " stroke=\"").append(statusColor(n.style())).append("\" stroke-width=\"2\"")
                    .append(n.machine() == ClusterMap.Machine.RUNNING ? "" : " stroke-dasharray=\"6 4\"").append("/>");
            text(svg, x + 10, 20, n.name() + (n.roles().isEmpty() ? "" : " (" + n.roles() + ")"), "font-weight:600");
            String machine = switch (n.machine()) {
                case RUNNING -> "";
                case BOOTING -> ", machine booting";
                case STOPPED -> ", machine off";
            };
            text(svg, x + 10, 36, n.status() + machine, "fill:" + statusColor(n.style()) + ";font-weight:600");
            text(svg, x + 10, 50, "pods " + n.podCidr(), "opacity:0.75");
            int y = 58;
            for (ClusterMap.Pod p : n.pods()) {
                pod(svg, map, p, x + 8, y, box - 16);
                y += 22;
            }
            if (n.hidden() > 0 || n.pods().isEmpty()) {
                text(svg, x + 10, y + 14, n.hidden() == 0 ? "(no pods)" : "(" + (n.pods().isEmpty() ? "" : "and ") + n.hidden()
                        + (n.hidden() == 1 ? " pod" : " pods") + " in other namespaces)", "opacity:0.75");
            }
            svg.append("</g>");
        }
        if (!map.unscheduled().isEmpty()) {
            int y = boxHeight + 22;
            text(svg, 0, y - 4, "Not scheduled on a node yet:", "font-weight:600");
            for (ClusterMap.Pod p : map.unscheduled()) {
                pod(svg, map, p, 0, y, box - 16);
                y += 22;
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Wide enough for the longest pod name beside its status at 7 px a character (a name cut short
     * is a label nobody can read), within bounds that keep three nodes side by side legible.
     */
    private static int boxWidth(ClusterMap map) {
        int chars = 0;
        for (ClusterMap.Node n : map.nodes()) {
            for (ClusterMap.Pod p : n.pods()) {
                chars = Math.max(chars, podLabel(map, p).length() + p.status().length() + 2);
            }
        }
        return Math.max(240, Math.min(360, 28 + chars * 7));
    }

    private static String podLabel(ClusterMap map, ClusterMap.Pod p) {
        return map.namespace() == null ? p.namespace() + "/" + p.name() : p.name();
    }

    private static void pod(StringBuilder svg, ClusterMap map, ClusterMap.Pod p, int x, int y, int width) {
        String c = statusColor(p.style());
        String name = podLabel(map, p);
        svg.append("<g class=\"kubetutor-pod\"><rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(width)
                .append("\" height=\"18\" rx=\"3\" fill=\"").append(c).append("\" fill-opacity=\"0.16\" stroke=\"").append(c).append("\">")
                .append("<title>").append(Html.escape(name + ": " + p.status())).append("</title></rect>");
        int room = (width - 12) / 7 - p.status().length() - 1;
        String shown = name.length() <= room ? name : name.substring(0, Math.max(1, room - 1)) + "…";
        text(svg, x + 4, y + 13, shown, "");
        svg.append("<text x=\"").append(x + width - 4).append("\" y=\"").append(y + 13).append("\" text-anchor=\"end\" style=\"")
                .append(FONT).append(";fill:").append(c).append("\">").append(Html.escape(p.status())).append("</text></g>");
    }

    /**
     * Status colours of our own, not the notebook's variables: ipywidgets and JupyterLab's light
     * theme set --jp-success-color1 to Material green 500, 2.8:1 on white, too faint for words.
     * Each of these is at least 3.5:1 on white and on near-black (a browser test measures them).
     */
    private static String statusColor(Style s) {
        return switch (s) {
            case OK -> "#2e7d32";
            case PROGRESS -> "#b86e00";
            case ERROR -> "#d03a32";
            case DIM, PLAIN, HEADER -> "currentColor";
        };
    }

    private static StringBuilder open(int width, int height, String title, String desc, String cls) {
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cls)
                .append("\" role=\"img\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" style=\"color:var(--jp-content-font-color1,currentColor);")
                .append("max-width:100%;height:auto\"><title>").append(Html.escape(title)).append("</title><desc>")
                .append(Html.escape(desc)).append("</desc>");
    }

    private static void text(StringBuilder svg, double x, double y, String text, String style) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" style=\"").append(FONT)
                .append(";fill:currentColor").append(style.isEmpty() ? "" : ";" + style).append("\">").append(Html.escape(text))
                .append("</text>");
    }

    private static String word(Timeline.State s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String color(int revision) {
        return revision <= 0 ? "currentColor" : REVISIONS[(revision - 1) % REVISIONS.length];
    }

    /** One decimal at most, and the same text on every machine. */
    private static String num(double d) {
        long tenths = Math.round(d * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
