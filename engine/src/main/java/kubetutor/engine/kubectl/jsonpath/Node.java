package kubetutor.engine.kubectl.jsonpath;

import java.util.List;

/**
 * One step of a parsed kubectl JSONPath template. Inside an action ({@code {...}}) the steps apply
 * one after another, each to every value the previous one produced, as client-go's jsonpath does.
 */
public sealed interface Node {

    /** Text outside the braces, or a quoted literal inside them ({@code {"\n"}}). */
    record Text(String text) implements Node {}

    /** {@code .name}: the key of a map (backslash escapes already removed). */
    record Field(String name) implements Node {}

    /** {@code .*} or {@code [*]} on a map: every value. */
    record Wildcard() implements Node {}

    /** {@code ..}: the value and everything under it that has children. */
    record Recursive() implements Node {}

    /** {@code [start:end:step]}, {@code [n]}, {@code [-1]}, {@code [*]}. */
    record Slice(Param start, Param end, Param step) implements Node {}

    /**
     * One bound of a slice. {@code derived} marks the end kubectl computes for a single index
     * ({@code [n]} means {@code [n:n+1]}), which wraps around differently for {@code [-1]}.
     */
    record Param(boolean known, int value, boolean derived) {
        static final Param UNKNOWN = new Param(false, 0, false);
    }

    /** {@code [a,b]}: each alternative applied to the same input, results concatenated. */
    record Union(List<List<Node>> alternatives) implements Node {}

    /** {@code [?(@.x=="y")]}; operator "exists" for {@code [?(@.x)]}. */
    record Filter(List<Node> left, List<Node> right, String operator) implements Node {}

    record IntLiteral(long value) implements Node {}

    record FloatLiteral(double value) implements Node {}

    record BoolLiteral(boolean value) implements Node {}

    /** A bare word: {@code range}, {@code end}, or anything else (an error when executed). */
    record Identifier(String name) implements Node {}

    /** A top-level item of a template: literal text, or the steps of one {@code {...}} action. */
    sealed interface Item {}

    record Literal(String text) implements Item {}

    record Action(List<Node> steps) implements Item {
        boolean has(String identifier) {
            return steps.stream().anyMatch(n -> n instanceof Identifier i && i.name().equals(identifier));
        }
    }
}
