package kubetutor.engine.output;

/** Renders outputs as plain text, byte for byte what kubectl prints. */
public final class PlainText {
    private PlainText() {}

    public static String render(Output output) {
        if (output instanceof Output.TableOutput t) {
            return Tabwriter.render(t.table());
        } else if (output instanceof Output.Text t) {
            return t.text();
        } else if (output instanceof Output.Error e) {
            return e.text();
        } else if (output instanceof Output.TimelineOutput t) {
            return TimelineText.render(t.timeline(), TimelineText.PLAIN_WIDTH, TimelineText.Paint.NONE);
        } else if (output instanceof Output.ClusterMapOutput m) {
            return ClusterMapText.render(m, ClusterMapText.NO_COLOR);
        }
        throw new IllegalArgumentException(String.valueOf(output));
    }
}
