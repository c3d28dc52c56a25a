package kubetutor.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * sh's parameter expansion at the session's prompt: {@code $NAME}, {@code ${NAME}}, {@code $?} and
 * a leading {@code ~}. As with {@link Substitutions}, {@link Words} keeps each reference between
 * private-use marks (one pair for unquoted, one for double-quoted) and the session expands them
 * when the command runs, so that {@code POD=$(...)} on one line is seen by {@code $POD} on the next.
 */
public final class Variables {
    static final char UNQUOTED_OPEN = '\uE004';
    static final char UNQUOTED_CLOSE = '\uE005';
    static final char QUOTED_OPEN = '\uE006';
    static final char QUOTED_CLOSE = '\uE007';
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    private Variables() {}

    /**
     * Where the reference starting with the '$' at {@code at} ends (exclusive), or {@code at} when
     * that '$' starts none (a lone '$' is a plain character, as in sh).
     */
    static int reference(String line, int at) {
        if (line.charAt(at) != '$' || at + 1 >= line.length()) {
            return at;
        }
        char next = line.charAt(at + 1);
        if (next == '?') {
            return at + 2;
        }
        if (next == '{') {
            int close = line.indexOf('}', at + 2);
            return close > at + 2 && name(line.substring(at + 2, close)) ? close + 1 : at;
        }
        int end = at + 1;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) && line.charAt(end) < 128
                || line.charAt(end) == '_')) {
            end++;
        }
        return end > at + 1 && !Character.isDigit(next) ? end : at;
    }

    private static boolean name(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_]*|\\?");
    }

    /** Appends the reference line[from, to) to the word being built, marked. */
    static void mark(StringBuilder word, String line, int from, int to, boolean quoted) {
        String ref = line.substring(from + 1, to);
        if (ref.startsWith("{")) {
            ref = ref.substring(1, ref.length() - 1);
        }
        word.append(quoted ? QUOTED_OPEN : UNQUOTED_OPEN).append(ref).append(quoted ? QUOTED_CLOSE : UNQUOTED_CLOSE);
    }

    /** A leading "~": $HOME, never split into fields. */
    static void markHome(StringBuilder word) {
        word.append(QUOTED_OPEN).append("HOME").append(QUOTED_CLOSE);
    }

    /** Whether a word is NAME=value (the value may hold marks: {@code POD=$(...)}). */
    public static boolean isAssignment(String word) {
        return ASSIGNMENT.matcher(word).matches();
    }

    /** The value of an assignment is never split into fields: its marks all become quoted ones. */
    public static String unsplit(String word) {
        return word.replace(UNQUOTED_OPEN, QUOTED_OPEN).replace(UNQUOTED_CLOSE, QUOTED_CLOSE)
                .replace(Substitutions.UNQUOTED_OPEN, Substitutions.QUOTED_OPEN)
                .replace(Substitutions.UNQUOTED_CLOSE, Substitutions.QUOTED_CLOSE);
    }

    /**
     * The words with every variable reference replaced by its value ({@code lookup} gives "" for an
     * unset one); command substitutions are left for {@link Substitutions#expand}. Unquoted, a
     * value is split into words at blanks and an empty one leaves no word; quoted, it stays one piece.
     */
    public static List<String> expand(List<String> words, UnaryOperator<String> lookup) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            if (word.indexOf(UNQUOTED_OPEN) < 0 && word.indexOf(QUOTED_OPEN) < 0) {
                out.add(word);
                continue;
            }
            Fields fields = new Fields(out);
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c == UNQUOTED_OPEN || c == QUOTED_OPEN) {
                    int end = word.indexOf(c == UNQUOTED_OPEN ? UNQUOTED_CLOSE : QUOTED_CLOSE, i + 1);
                    String value = lookup.apply(word.substring(i + 1, end));
                    i = end;
                    if (c == QUOTED_OPEN) {
                        fields.append(value);
                    } else {
                        fields.split(value);
                    }
                } else {
                    fields.append(String.valueOf(c));
                }
            }
            fields.end();
        }
        return out;
    }

    /** The words an expansion makes: text joins the current one, an unquoted value's blanks end it. */
    static final class Fields {
        private final List<String> out;
        private final StringBuilder field = new StringBuilder();
        private boolean started;

        Fields(List<String> out) {
            this.out = out;
        }

        void append(String text) {
            field.append(text);
            started = true;
        }

        void split(String value) {
            String[] pieces = value.strip().isEmpty() ? new String[0] : value.strip().split("[ \t\n]+");
            boolean leadingBlank = !value.isEmpty() && Character.isWhitespace(value.charAt(0));
            for (int p = 0; p < pieces.length; p++) {
                if ((p > 0 || leadingBlank) && started) {
                    end();
                }
                append(pieces[p]);
            }
            if (pieces.length > 0 && Character.isWhitespace(value.charAt(value.length() - 1))) {
                end();
            }
        }

        void end() {
            if (started) {
                out.add(field.toString());
            }
            field.setLength(0);
            started = false;
        }
    }
}
