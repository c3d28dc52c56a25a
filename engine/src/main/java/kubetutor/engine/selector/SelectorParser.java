package kubetutor.engine.selector;

import java.util.ArrayList;
import java.util.List;

/** A small lexer and parser for apimachinery's label selector grammar. */
final class SelectorParser {
    private final String text;
    private int pos;

    SelectorParser(String text) {
        this.text = text;
    }

    LabelSelector parse() {
        List<Requirement> reqs = new ArrayList<>();
        skipSpaces();
        if (pos >= text.length()) {
            return LabelSelector.EVERYTHING;
        }
        // labels.Parser.parse: only what goes wrong inside a requirement is "unable to parse requirement"
        startsRequirement("found '%s', expected: !, identifier, or 'end of string'");
        while (true) {
            reqs.add(requirement());
            skipSpaces();
            if (pos >= text.length()) {
                break;
            }
            if (text.charAt(pos) != ',') {
                throw new SelectorSyntaxException("found '" + peekWord() + "', expected: ',' or 'end of string'");
            }
            pos++;
            skipSpaces();
            startsRequirement("found '%s', expected: identifier after ','");
        }
        return new LabelSelector(List.copyOf(reqs));
    }

    private Requirement requirement() {
        skipSpaces();
        boolean negated = false;
        if (pos < text.length() && text.charAt(pos) == '!') {
            negated = true;
            pos++;
            skipSpaces();
        }
        String key = identifier();
        if (key.isEmpty()) {
            throw error("found '" + peekWord() + "', expected: identifier");
        }
        validateKey(key);
        skipSpaces();
        if (negated) {
            return Requirement.of(key, Requirement.Operator.DOES_NOT_EXIST, List.of());
        }
        if (pos >= text.length() || text.charAt(pos) == ',') {
            return Requirement.of(key, Requirement.Operator.EXISTS, List.of());
        }
        if (text.startsWith("==", pos)) {
            pos += 2;
            return Requirement.of(key, Requirement.Operator.EQUALS, List.of(value()));
        }
        if (text.startsWith("!=", pos)) {
            pos += 2;
            return Requirement.of(key, Requirement.Operator.NOT_EQUALS, List.of(value()));
        }
        if (text.charAt(pos) == '=') {
            pos++;
            return Requirement.of(key, Requirement.Operator.EQUALS, List.of(value()));
        }
        String word = identifier();
        if (word.equals("in") || word.equals("notin")) {
            List<String> values = set();
            return Requirement.of(key, word.equals("in") ? Requirement.Operator.IN : Requirement.Operator.NOT_IN, values);
        }
        throw error("found '" + word + "', expected: in, notin, =, ==, !=, gt, lt");
    }

    private List<String> set() {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != '(') {
            throw error("found '" + peekWord() + "', expected: '('");
        }
        pos++;
        List<String> values = new ArrayList<>();
        while (true) {
            skipSpaces();
            String v = identifier();
            validateValue(v);
            values.add(v);
            skipSpaces();
            if (pos >= text.length()) {
                throw error("found '', expected: ',', ')' or identifier");
            }
            char c = text.charAt(pos++);
            if (c == ')') {
                return values;
            }
            if (c != ',') {
                throw error("found '" + c + "', expected: ',', ')' or identifier");
            }
        }
    }

    private String value() {
        skipSpaces();
        String v = identifier();
        validateValue(v);
        return v;
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == ',' || c == '=' || c == '!' || c == '(' || c == ')') {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private String peekWord() {
        int save = pos;
        String w = pos < text.length() && "(),=!".indexOf(text.charAt(pos)) >= 0 ? text.substring(pos, pos + 1) : identifier();
        pos = save;
        return w;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static final String VALUE_RE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

    private void validateValue(String v) {
        if (v.length() > 63 || !v.matches(VALUE_RE)) {
            throw new SelectorSyntaxException("unable to parse requirement: values[0][" + "]: Invalid value: \"" + v
                    + "\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                    + "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
                    + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
        }
    }

    private void validateKey(String key) {
        String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
        if (name.isEmpty() || name.length() > 63 || !name.matches("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")) {
            throw new SelectorSyntaxException("unable to parse requirement: <nil>: Invalid value: \"" + key
                    + "\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
                    + "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                    + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
        }
    }

    /** A requirement starts with "!" or a key; anything else is refused with {@code format}. */
    private void startsRequirement(String format) {
        int at = pos;
        if (text.startsWith("!=", pos)) {
            throw new SelectorSyntaxException(String.format(format, "!="));
        }
        boolean key = pos < text.length() && (text.charAt(pos) == '!' || !identifier().isEmpty());
        pos = at;
        if (!key) {
            throw new SelectorSyntaxException(String.format(format, peekWord()));
        }
    }

    private SelectorSyntaxException error(String detail) {
        return new SelectorSyntaxException("unable to parse requirement: " + detail);
    }
}
