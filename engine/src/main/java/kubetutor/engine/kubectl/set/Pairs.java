package kubetutor.engine.kubectl.set;

import kubetutor.engine.command.UsageException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cmdutil's GetResourcesAndPairs and ParsePairs: the resources come first on the line, then the
 * NAME=VALUE pairs (and NAME- removals where the command takes them).
 *
 * @param resources the words before the first pair
 * @param set       the pairs, in the order given
 * @param remove    the names given as NAME-
 */
record Pairs(List<String> resources, Map<String, String> set, List<String> remove) {

    static Pairs parse(List<String> args, String pairType, boolean supportRemove) {
        List<String> resources = new ArrayList<>();
        List<String> pairArgs = new ArrayList<>();
        boolean foundPair = false;
        for (String s : args) {
            boolean nonResource = (s.contains("=") && s.charAt(0) != '=') || (s.endsWith("-") && !s.equals("-"));
            if (nonResource) {
                foundPair = true;
                pairArgs.add(s);
            } else if (!foundPair) {
                resources.add(s);
            } else {
                throw new UsageException("error: all resources must be specified before " + pairType + " changes: " + s);
            }
        }
        Map<String, String> set = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String pair : pairArgs) {
            if (pair.contains("=") && pair.charAt(0) != '=') {
                int eq = pair.indexOf('=');
                set.put(pair.substring(0, eq), pair.substring(eq + 1));
            } else if (supportRemove && pair.endsWith("-") && !pair.equals("-")) {
                remove.add(pair.substring(0, pair.length() - 1));
            } else {
                invalid.add(pair);
            }
        }
        if (!invalid.isEmpty()) {
            throw new UsageException("error: invalid " + pairType + " format: " + String.join(", ", invalid));
        }
        return new Pairs(resources, set, remove);
    }
}
