package kubetutor.engine.kubectl.verb;

import kubetutor.engine.api.schema.Names;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Pairs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of kubectl label and annotate, read as kubectl 1.32 reads them: resource words
 * first, then the changes, where {@code key=value} sets and {@code key-} removes. label checks each
 * value as a label value before anything is sent (label.go parseLabels); annotate takes the pairs
 * as cmdutil.ParsePairs does. Keys are left to the API server, as kubectl leaves them.
 */
record MetadataChanges(List<String> resources, Map<String, String> set, List<String> remove) {

    static MetadataChanges parse(List<String> args, boolean labels) {
        if (!labels) {
            Pairs pairs = Pairs.parse(args, "annotation", true);
            List<String> both = pairs.remove().stream().filter(pairs.set()::containsKey).toList();
            if (!both.isEmpty()) {
                throw new UsageException("error: can not both modify and remove the following annotation(s) in the same"
                        + " command: " + String.join(", ", both));
            }
            return new MetadataChanges(pairs.resources(), pairs.set(), pairs.remove());
        }
        Pairs.Split words = Pairs.split(args, "label");
        Map<String, String> set = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        for (String p : words.pairs()) {
            if (p.contains("=")) {
                String[] parts = p.split("=", -1);
                if (parts.length != 2) {
                    throw new UsageException("error: invalid label spec: " + p);
                }
                List<String> errs = Names.labelValue(parts[1]);
                if (!errs.isEmpty()) {
                    throw new UsageException("error: invalid label value: \"" + p + "\": " + String.join(";", errs));
                }
                set.put(parts[0], parts[1]);
            } else {
                remove.add(p.substring(0, p.length() - 1));
            }
        }
        if (remove.stream().anyMatch(set::containsKey)) {
            throw new UsageException("error: can not both modify and remove a label in the same command");
        }
        return new MetadataChanges(words.resources(), set, remove);
    }

    boolean empty() {
        return set.isEmpty() && remove.isEmpty();
    }
}
