package kubetutor.engine.kubectl.verb;

import kubetutor.engine.format.JsonWriter;
import kubetutor.engine.format.YamlToJson;

import java.util.List;

/**
 * The temporary file kubectl edit hands the editor: the header it writes above a YAML object (with
 * the reasons the file was reopened), and its two ways of taking the comments out again.
 */
final class EditFile {
    /** editHeader's fixed lines, as kubectl 1.32 writes them. */
    private static final String HEADER = """
            # Please edit the object below. Lines beginning with a '#' will be ignored,
            # and an empty file will abort the edit. If an error occurs while saving this file will be
            # reopened with the relevant failures.
            #
            """;

    private EditFile() {}

    /**
     * One reason the file is reopened: a heading, and the causes under it ({@code * field: message}).
     * A heading with causes ends with a colon.
     */
    record Reason(String head, List<String> causes) {}

    static String header(List<Reason> reasons) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (Reason r : reasons) {
            sb.append("# ").append(hashOnLineBreak(r.head())).append(r.causes().isEmpty() ? "\n" : ":\n");
            for (String c : r.causes()) {
                sb.append("# * ").append(hashOnLineBreak(c)).append('\n');
            }
            sb.append("#\n");
        }
        return sb.toString();
    }

    /** A message of several lines stays a comment: each line break not followed by '#' gets one. */
    private static String hashOnLineBreak(String s) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n' && i + 1 < s.length() && s.charAt(i + 1) != '#') {
                r.append("\n# ");
            } else {
                r.append(ch);
            }
        }
        return r.toString();
    }

    /** cmdutil.ManualStrip: the lines that are not comments ("#!" is not one), in order. */
    static String manualStrip(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (trimmed.startsWith("#") && !trimmed.startsWith("#!")) {
                continue;
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * cmdutil.StripComments: the text as JSON when it converts (comments, order and layout then do
     * not count), else the text without its comment lines. kubectl compares files by this.
     */
    static String stripComments(String text) {
        try {
            return JsonWriter.compact(YamlToJson.convert(text));
        } catch (YamlToJson.Failure e) {
            return manualStrip(text);
        }
    }
}
