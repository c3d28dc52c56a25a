package kubetutor.kernel;

import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Style;
import kubetutor.engine.output.Table;

import java.util.List;

/**
 * HTML for notebook outputs. Colours come from JupyterLab's theme variables (with fallbacks for the
 * classic notebook and nbconvert) and backgrounds are semi-transparent, so the same output reads
 * well on light and dark themes. Inline styles only: a {@code <style>} element is stripped from
 * untrusted notebooks.
 */
final class Html {
    private static final String TABLE = "border-collapse:collapse;font-family:var(--jp-code-font-family,monospace);"
            + "font-size:var(--jp-code-font-size,13px);color:var(--jp-ui-font-color1,inherit)";
    private static final String TH = "text-align:left;font-weight:600;padding:2px 14px 2px 4px;"
            + "border-bottom:1px solid var(--jp-border-color2,rgba(128,128,128,0.4))";
    private static final String TD = "text-align:left;padding:2px 14px 2px 4px;white-space:nowrap";
    private static final String PRE = "font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,13px);"
            + "color:var(--jp-content-font-color1,inherit);margin:0";

    private Html() {}

    static String table(List<Table> blocks) {
        StringBuilder sb = new StringBuilder("<table class=\"kubetutor-table\" style=\"").append(TABLE).append("\">");
        boolean headerDone = false;
        for (Table t : blocks) {
            if (t.hasHeader() && !headerDone) {
                sb.append("<thead><tr>");
                for (String h : t.headers()) {
                    sb.append("<th scope=\"col\" style=\"").append(TH).append("\">").append(escape(h)).append("</th>");
                }
                sb.append("</tr></thead><tbody>");
                headerDone = true;
            } else if (!headerDone) {
                sb.append("<tbody>");
                headerDone = true;
            }
            for (List<Cell> row : t.rows()) {
                sb.append("<tr>");
                for (Cell c : row) {
                    sb.append(cell(c));
                }
                sb.append("</tr>");
            }
        }
        return sb.append("</tbody></table>").toString();
    }

    /**
     * A watch's later rows as a table of their own (no header), each cell {@code widths} characters
     * wide (content-box, padded as the header's cells), so they line up under the table before.
     */
    static String rows(Table t, List<Integer> widths) {
        StringBuilder sb = new StringBuilder("<table class=\"kubetutor-table kubetutor-rows\" style=\"").append(TABLE).append("\"><tbody>");
        for (List<Cell> row : t.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                sb.append(cell(row.get(i), i < widths.size() ? ";width:" + widths.get(i) + "ch" : ""));
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    private static String cell(Cell c) {
        return cell(c, "");
    }

    private static String cell(Cell c, String width) {
        if (c.style() == Style.HEADER) {
            return "<th scope=\"row\" style=\"" + TH + width + "\">" + escape(c.text()) + "</th>";
        }
        String extra = style(c.style()) + width;
        String cls = c.style() == Style.PLAIN ? "" : " class=\"kubetutor-" + c.style().name().toLowerCase(java.util.Locale.ROOT) + "\"";
        return "<td" + cls + " style=\"" + TD + extra + "\">" + escape(c.text()) + "</td>";
    }

    /** Status colours: a coloured word on a faint wash of the same colour. */
    static String style(Style s) {
        return switch (s) {
            case OK -> ";color:var(--jp-success-color1,#2e7d32);background:rgba(76,175,80,0.14)";
            case PROGRESS -> ";color:var(--jp-warn-color1,#e65100);background:rgba(255,152,0,0.16)";
            case ERROR -> ";color:var(--jp-error-color1,#c62828);background:rgba(244,67,54,0.16);font-weight:600";
            case DIM -> ";color:var(--jp-ui-font-color2,rgba(128,128,128,0.9))";
            case PLAIN, HEADER -> "";
        };
    }

    static String pre(Output.Text t) {
        String kind = t.kind().name().toLowerCase(java.util.Locale.ROOT);
        return "<pre class=\"kubetutor-" + kind + "\" style=\"" + PRE + "\">" + escape(t.text()) + "</pre>";
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
