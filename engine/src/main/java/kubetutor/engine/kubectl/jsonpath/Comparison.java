package kubetutor.engine.kubectl.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The comparisons of a filter, as Go's text/template defines them (client-go borrows them): both
 * sides must be the same basic kind (bool, integer, float, string), and bools only compare for
 * equality.
 */
final class Comparison {
    private enum Kind { BOOL, INT, FLOAT, STRING }

    private Comparison() {}

    static boolean holds(String operator, JsonNode left, JsonNode right) throws JsonPathException {
        return switch (operator) {
            case "==" -> equal(left, right);
            case "!=" -> !equal(left, right);
            case "<" -> less(left, right);
            case "<=" -> less(left, right) || equal(left, right);
            case ">" -> !(less(left, right) || equal(left, right));
            case ">=" -> !less(left, right);
            default -> throw new JsonPathException("unrecognized filter operator " + operator);
        };
    }

    private static boolean equal(JsonNode a, JsonNode b) throws JsonPathException {
        Kind k = kinds(a, b);
        return switch (k) {
            case BOOL -> a.booleanValue() == b.booleanValue();
            case INT -> a.longValue() == b.longValue();
            case FLOAT -> a.doubleValue() == b.doubleValue();
            case STRING -> a.textValue().equals(b.textValue());
        };
    }

    private static boolean less(JsonNode a, JsonNode b) throws JsonPathException {
        Kind k = kinds(a, b);
        return switch (k) {
            case BOOL -> throw new JsonPathException("invalid type for comparison");
            case INT -> a.longValue() < b.longValue();
            case FLOAT -> a.doubleValue() < b.doubleValue();
            case STRING -> a.textValue().compareTo(b.textValue()) < 0;
        };
    }

    private static Kind kinds(JsonNode a, JsonNode b) throws JsonPathException {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka != kb) {
            throw new JsonPathException("incompatible types for comparison");
        }
        return ka;
    }

    private static Kind kind(JsonNode v) throws JsonPathException {
        if (v.isBoolean()) {
            return Kind.BOOL;
        } else if (v.isIntegralNumber()) {
            return Kind.INT;
        } else if (v.isFloatingPointNumber()) {
            return Kind.FLOAT;
        } else if (v.isTextual()) {
            return Kind.STRING;
        }
        throw new JsonPathException("invalid type for comparison");
    }
}
