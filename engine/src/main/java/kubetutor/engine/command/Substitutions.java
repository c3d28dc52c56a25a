package kubetutor.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * sh's command substitution, {@code $(kubectl get pod -l app=web -o name)}: {@link Words} keeps each
 * one inside its word between private-use marks (one pair for unquoted, one for double-quoted), and
 * the session expands them just before the command runs, with the output of the inner command.
 */
public final class Substitutions {
    static final char UNQUOTED_OPEN = '\uE000';
    static final char UNQUOTED_CLOSE = '\uE001';
    static final char QUOTED_OPEN = '\uE002';
    static final char QUOTED_CLOSE = '\uE003';

    private Substitutions() {}

    /**
     * How deep parentheses may nest inside a substitution: each level of $(...) runs its inner
     * command on the Java stack, and sh itself has no limit to match.
     */
    static final int MAX_DEPTH = 100;

    /**
     * Where the ")" closing the "(" at {@code open} is, past nested parentheses and quotes; -1 when it
     * is not there yet. Nesting past {@link #MAX_DEPTH} is refused as a syntax error.
     */
    static int closing(String line, int open) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                i = line.indexOf('\'', i + 1);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '"') {
                for (i++; i < line.length() && line.charAt(i) != '"'; i++) {
                    if (line.charAt(i) == '\\') {
                        i++;
                    }
                }
                if (i >= line.length()) {
                    return -1;
                }
            } else if (c == '(' && ++depth > MAX_DEPTH) {
                throw new ScriptReader.Malformed("syntax error: \"$(\" nested more than " + MAX_DEPTH + " deep");
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    public static boolean any(List<String> words) {
        for (String w : words) {
            for (int i = 0; i < w.length(); i++) {
                if (w.charAt(i) == UNQUOTED_OPEN || w.charAt(i) == QUOTED_OPEN) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The words with every substitution replaced by what {@code run} prints for it, trailing newlines
     * removed. Unquoted, the output is split into words at blanks (and an empty one leaves no word);
     * in double quotes it stays one piece.
     */
    public static List<String> expand(List<String> words, Function<String, String> run) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            if (!any(List.of(word))) {
                out.add(word);
                continue;
            }
            Variables.Fields fields = new Variables.Fields(out);
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c == UNQUOTED_OPEN || c == QUOTED_OPEN) {
                    int end = word.indexOf(c == UNQUOTED_OPEN ? UNQUOTED_CLOSE : QUOTED_CLOSE, i + 1);
                    String output = run.apply(word.substring(i + 1, end)).replaceAll("\n+$", "");
                    i = end;
                    if (c == QUOTED_OPEN) {
                        fields.append(output);
                    } else {
                        fields.split(output);
                    }
                } else {
                    fields.append(String.valueOf(c));
                }
            }
            fields.end();
        }
        return out;
    }
}
