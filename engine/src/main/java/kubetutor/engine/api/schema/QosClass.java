package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** The pod's QoS class from its containers' cpu and memory requests and limits (pkg/apis/core/helper/qos). */
final class QosClass {
    private static final List<String> RESOURCES = List.of("cpu", "memory");

    private QosClass() {}

    static String of(JsonNode spec) {
        boolean any = false;
        boolean guaranteed = true;
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : spec.path(list)) {
                JsonNode requests = c.path("resources").path("requests");
                JsonNode limits = c.path("resources").path("limits");
                for (String r : RESOURCES) {
                    boolean hasRequest = requests.has(r) && !isZero(requests.get(r));
                    boolean hasLimit = limits.has(r) && !isZero(limits.get(r));
                    any |= hasRequest || hasLimit;
                    if (!hasLimit || !hasRequest || quantity(requests.get(r)).compareTo(quantity(limits.get(r))) != 0) {
                        guaranteed = false;
                    }
                }
            }
        }
        if (!any) {
            return "BestEffort";
        }
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    private static boolean isZero(JsonNode q) {
        return quantity(q).signum() == 0;
    }

    /** Enough of resource.Quantity to compare values: decimal and binary suffixes, milli units. */
    static BigDecimal quantity(JsonNode node) {
        String s = node.asText().trim();
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"Pi", "1125899906842624"}, {"Ei", "1152921504606846976"}, {"n", "0.000000001"}, {"u", "0.000001"},
                {"m", "0.001"}, {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"},
                {"P", "1000000000000000"}, {"E", "1000000000000000000"}};
        for (String[] sfx : suffixes) {
            if (s.endsWith(sfx[0])) {
                return parse(s.substring(0, s.length() - sfx[0].length())).multiply(new BigDecimal(sfx[1]));
            }
        }
        return parse(s);
    }

    private static BigDecimal parse(String number) {
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
