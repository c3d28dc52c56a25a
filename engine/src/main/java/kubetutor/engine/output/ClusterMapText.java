package kubetutor.engine.output;

import java.util.function.BiFunction;

/**
 * A {@link ClusterMap} as text: a box per node, headed by its name, roles, status, machine and pod
 * CIDR, holding its pods and their status. Words, not colours, carry the meaning; the colour
 * function (plain: none) only adds to them.
 */
public final class ClusterMapText {
    private ClusterMapText() {}

    /** Text as it is, whatever it means: for plain output. */
    public static final BiFunction<String, Style, String> NO_COLOR = (text, style) -> text;

    /**
     * A watch's map as text: a later one is headed by the simulated time since the watch began,
     * Go's way ("52s", "5m10s"), so a log of a watch still says when each map was true.
     */
    public static String render(Output.ClusterMapOutput output, BiFunction<String, Style, String> color) {
        String map = render(output.map(), color);
        return output.redraw() == null ? map : later(output.redraw()) + "\n" + map;
    }

    /** The heading line of a redrawn map. */
    public static String later(java.time.Duration d) {
        long s = d.getSeconds();
        String go = s >= 3600 ? s / 3600 + "h" + s % 3600 / 60 + "m" + s % 60 + "s" : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
        return go + " later:";
    }

    public static String render(ClusterMap map, BiFunction<String, Style, String> color) {
        boolean all = map.namespace() == null;
        int nameWidth = 0;
        for (ClusterMap.Node n : map.nodes()) {
            for (ClusterMap.Pod p : n.pods()) {
                nameWidth = Math.max(nameWidth, podName(p, all).length());
            }
        }
        for (ClusterMap.Pod p : map.unscheduled()) {
            nameWidth = Math.max(nameWidth, podName(p, all).length());
        }
        int inner = 0;
        for (ClusterMap.Node n : map.nodes()) {
            inner = Math.max(inner, heading(n).length() + 4);
            for (ClusterMap.Pod p : n.pods()) {
                inner = Math.max(inner, nameWidth + 5 + p.status().length());
            }
            inner = Math.max(inner, hidden(n, map).length() + 1);
        }
        StringBuilder out = new StringBuilder();
        for (ClusterMap.Node n : map.nodes()) {
            String head = heading(n);
            out.append("┌─ ").append(n.name()).append(' ')
                    .append(color.apply(head.substring(n.name().length() + 1), n.style()))
                    .append(' ').append("─".repeat(inner - head.length() - 3)).append("┐\n");
            for (ClusterMap.Pod p : n.pods()) {
                String name = podName(p, all);
                String text = pad(name, nameWidth + 3) + p.status();
                out.append("│ ").append(pad(name, nameWidth + 3)).append(color.apply(p.status(), p.style()))
                        .append(" ".repeat(inner - text.length() - 1)).append("│\n");
            }
            String note = hidden(n, map);
            if (!note.isEmpty()) {
                out.append("│ ").append(color.apply(note, Style.DIM)).append(" ".repeat(inner - note.length() - 1))
                        .append("│\n");
            }
            out.append("└").append("─".repeat(inner)).append("┘\n");
        }
        if (!map.unscheduled().isEmpty()) {
            out.append("Not scheduled on a node yet:\n");
            for (ClusterMap.Pod p : map.unscheduled()) {
                out.append("  ").append(pad(podName(p, all), nameWidth + 3)).append(color.apply(p.status(), p.style())).append('\n');
            }
        }
        return out.toString();
    }

    private static String heading(ClusterMap.Node n) {
        StringBuilder sb = new StringBuilder(n.name()).append(' ');
        if (!n.roles().isEmpty()) {
            sb.append("(").append(n.roles()).append(") ");
        }
        sb.append(n.status());
        switch (n.machine()) {
            case STOPPED -> sb.append(", machine off");
            case BOOTING -> sb.append(", machine booting");
            case RUNNING -> { }
        }
        if (!n.podCidr().isEmpty()) {
            sb.append("  pods ").append(n.podCidr());
        }
        return sb.toString();
    }

    private static String hidden(ClusterMap.Node n, ClusterMap map) {
        if (n.hidden() == 0) {
            return n.pods().isEmpty() ? "(no pods)" : "";
        }
        return (n.pods().isEmpty() ? "(no pods in " + map.namespace() + "; " : "(and ") + n.hidden()
                + (n.hidden() == 1 ? " pod" : " pods") + " in other namespaces)";
    }

    private static String podName(ClusterMap.Pod p, boolean all) {
        return all ? p.namespace() + "/" + p.name() : p.name();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
