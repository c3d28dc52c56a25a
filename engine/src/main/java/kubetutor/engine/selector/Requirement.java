package kubetutor.engine.selector;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One requirement of a label selector: {@code key op values}. */
public record Requirement(String key, Operator op, Set<String> values) {

    public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    public boolean matches(Map<String, String> labels) {
        String v = labels.get(key);
        return switch (op) {
            case EQUALS, IN -> v != null && values.contains(v);
            case NOT_EQUALS, NOT_IN -> v == null || !values.contains(v);
            case EXISTS -> v != null;
            case DOES_NOT_EXIST -> v == null;
        };
    }

    static Requirement of(String key, Operator op, List<String> values) {
        return new Requirement(key, op, new java.util.TreeSet<>(values));
    }
}
