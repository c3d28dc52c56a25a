package kubetutor.engine.kubectl;

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
public record Pairs(List<String> resources, Map<String, String> set, List<String> remove) {

    /** The words of a command line split where the changes start (GetResourcesAndPairs). */
    public record Split(List<String> resources, List<String> pairs) {}

    public static Split split(List<String> args, String pairType) {
        List<String> resources = new ArrayList<>();
        List<String> pairArgs = new ArrayList<>();
        for (String s : args) {
            boolean nonResource = (s.contains("=") && s.charAt(0) != '=') || (s.endsWith("-") && !s.equals("-"));
            if (nonResource) {
                pairArgs.add(s);
            } else if (pairArgs.isEmpty()) {
                resources.add(s);
            } else {
                throw new UsageException("error: all resources must be specified before " + pairType + " changes: " + s);
            }
        }
        return new Split(resources, pairArgs);
    }

    /** GetResourcesAndPairs, then ParsePairs of what follows the resources. */
    public static Pairs parse(List<String> args, String pairType, boolean supportRemove) {
        Split words = split(args, pairType);
        List<String> resources = words.resources();
        List<String> pairArgs = words.pairs();
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
