package kubetutor.engine.kubectl.jsonpath;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a kubectl JSONPath template into literal text and actions, with client-go's grammar and
 * its error messages ("unclosed action", "unterminated array", ...). Brackets are read the way
 * client-go reads them: their text is split on commas for a union, {@code ['key']} becomes
 * {@code .key} (so a key with dots in it is split, as in kubectl), anything else must be a slice.
 */
final class Parser {
    private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'$");
    private static final Pattern SLICE = Pattern.compile("^(-?\\d*)(:-?\\d*)?(:-?\\d*)?$");
    private static final Pattern COMPARISON = Pattern.compile("^([^!<>=]+)([!<>=]+)(.+?)$", Pattern.DOTALL);

    private final String input;
    private int pos;

    private Parser(String input) {
        this.input = input;
    }

    static List<Node.Item> parse(String template) throws JsonPathException {
        return new Parser(template).items();
    }

    /** The steps of one action written without its braces, as client-go re-parses bracket contents. */
    private static List<Node> action(String text) throws JsonPathException {
        List<Node.Item> items = parse("{" + text + "}");
        return ((Node.Action) items.get(0)).steps();
    }

    private List<Node.Item> items() throws JsonPathException {
        List<Node.Item> items = new ArrayList<>();
        int start = 0;
        while (pos < input.length()) {
            if (input.charAt(pos) != '{') {
                pos++;
                continue;
            }
            if (pos > start) {
                items.add(new Node.Literal(input.substring(start, pos)));
            }
            pos++;
            items.add(new Node.Action(steps()));
            start = pos;
        }
        if (pos > start) {
            items.add(new Node.Literal(input.substring(start, pos)));
        }
        return items;
    }

    /** The steps of an action, up to and past its closing brace. */
    private List<Node> steps() throws JsonPathException {
        List<Node> steps = new ArrayList<>();
        while (true) {
            if (input.startsWith("}", pos)) {
                pos++;
                return steps;
            }
            if (input.startsWith("[?(", pos)) {
                steps.add(filter());
                continue;
            }
            if (input.startsWith("..", pos)) {
                if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof Node.Recursive) {
                    throw new JsonPathException("invalid multiple recursive descent");
                }
                pos += 2;
                steps.add(new Node.Recursive());
                if (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
                    steps.add(field());
                }
                continue;
            }
            if (pos >= input.length()) {
                throw new JsonPathException("unclosed action");
            }
            char c = input.charAt(pos++);
            if (c == '\r' || c == '\n') {
                throw new JsonPathException("unclosed action");
            } else if (c == ' ' || c == '@' || c == '$') {
                // '@' and '$' both name the current object: client-go just skips them.
                continue;
            } else if (c == '[') {
                steps.addAll(bracket());
            } else if (c == '"' || c == '\'') {
                steps.add(quoted(c));
            } else if (c == '.') {
                steps.add(field());
            } else if (c == '+' || c == '-' || Character.isDigit(c)) {
                pos--;
                steps.add(number());
            } else if (isAlphaNumeric(c)) {
                pos--;
                steps.add(identifier());
            } else {
                throw new JsonPathException("unrecognized character in action: " + Strings.goRune(input.codePointAt(pos - 1)));
            }
        }
    }

    private Node field() {
        StringBuilder name = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '\\') {
                // An escaped terminator ("\.") belongs to the name; the backslash itself is dropped.
                pos++;
                if (pos < input.length()) {
                    name.append(input.charAt(pos++));
                }
                continue;
            }
            if (isTerminator(c)) {
                break;
            }
            name.append(c);
            pos++;
        }
        return name.toString().equals("*") ? new Node.Wildcard() : new Node.Field(name.toString());
    }

    private Node identifier() {
        int start = pos;
        while (pos < input.length() && !isTerminator(input.charAt(pos))) {
            pos++;
        }
        String word = input.substring(start, pos);
        if (word.equals("true") || word.equals("false")) {
            return new Node.BoolLiteral(Boolean.parseBoolean(word));
        }
        return new Node.Identifier(word);
    }

    private Node number() throws JsonPathException {
        int start = pos;
        if (input.charAt(pos) == '+' || input.charAt(pos) == '-') {
            pos++;
        }
        while (pos < input.length() && (input.charAt(pos) == '.' || Character.isDigit(input.charAt(pos)))) {
            pos++;
        }
        String text = input.substring(start, pos);
        try {
            return new Node.IntLiteral(Long.parseLong(text.startsWith("+") ? text.substring(1) : text));
        } catch (NumberFormatException notInt) {
            try {
                if (text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
                    return new Node.FloatLiteral(Double.parseDouble(text));
                }
            } catch (NumberFormatException ignored) {
                // falls through to kubectl's message
            }
            throw new JsonPathException("cannot parse number " + text);
        }
    }

    private Node quoted(char quote) throws JsonPathException {
        int start = pos - 1;
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                throw new JsonPathException("unterminated quoted string");
            }
            char c = input.charAt(pos++);
            if (c == quote && input.charAt(pos - 2) != '\\') {
                break;
            }
        }
        String raw = input.substring(start, pos);
        try {
            return new Node.Text(Strings.unquote(raw));
        } catch (IllegalArgumentException e) {
            throw new JsonPathException("unquote string " + raw + " error invalid syntax");
        }
    }

    private List<Node> bracket() throws JsonPathException {
        int start = pos;
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                throw new JsonPathException("unterminated array");
            }
            if (input.charAt(pos++) == ']') {
                break;
            }
        }
        String text = input.substring(start, pos - 1);
        if (text.equals("*")) {
            text = ":";
        }
        String[] parts = text.split(",", -1);
        if (parts.length > 1) {
            List<List<Node>> alternatives = new ArrayList<>();
            for (String part : parts) {
                alternatives.add(action("[" + part.strip() + "]"));
            }
            return List.of(new Node.Union(alternatives));
        }
        Matcher key = DICT_KEY.matcher(text);
        if (key.matches()) {
            return action("." + key.group(1));
        }
        Matcher slice = SLICE.matcher(text);
        if (!slice.matches()) {
            throw new JsonPathException("invalid array index " + text);
        }
        Node.Param[] params = new Node.Param[3];
        for (int i = 0; i < 3; i++) {
            String group = slice.group(i + 1) == null ? "" : slice.group(i + 1);
            if (!group.isEmpty()) {
                String digits = i > 0 ? group.substring(1) : group;
                if (i > 0 && digits.isEmpty()) {
                    params[i] = Node.Param.UNKNOWN;
                } else {
                    try {
                        params[i] = new Node.Param(true, Integer.parseInt(digits), false);
                    } catch (NumberFormatException e) {
                        throw new JsonPathException("array index " + digits + " is not a number");
                    }
                }
            } else if (i == 1) {
                params[i] = new Node.Param(true, params[0].value() + 1, true);
            } else {
                params[i] = Node.Param.UNKNOWN;
            }
        }
        return List.of(new Node.Slice(params[0], params[1], params[2]));
    }

    private Node filter() throws JsonPathException {
        pos += 3;
        int start = pos;
        boolean begin = false;
        boolean end = false;
        char pair = 0;
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                throw new JsonPathException("unterminated filter");
            }
            char c = input.charAt(pos++);
            if (c == '"' || c == '\'') {
                if (!begin) {
                    begin = true;
                    pair = c;
                } else if (input.charAt(pos - 2) != '\\' && c == pair) {
                    end = true;
                }
            } else if (c == ')' && begin == end) {
                break;
            }
        }
        if (pos >= input.length() || input.charAt(pos++) != ']') {
            throw new JsonPathException("unclosed array expect ]");
        }
        String text = input.substring(start, pos - 2);
        Matcher m = COMPARISON.matcher(text);
        if (!m.matches()) {
            return new Node.Filter(action(text), List.of(), "exists");
        }
        return new Node.Filter(action(m.group(1)), action(m.group(3)), m.group(2));
    }

    private static boolean isTerminator(char c) {
        return switch (c) {
            case ' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}' -> true;
            default -> false;
        };
    }

    private static boolean isAlphaNumeric(char c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c);
    }
}
