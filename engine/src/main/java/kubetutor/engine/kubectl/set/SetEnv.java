package kubetutor.engine.kubectl.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Targets;
import kubetutor.engine.output.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * kubectl set env (set_env.go): KEY=VALUE and KEY- after the resources (and -e), on every container
 * -c names, init containers last; --list prints each container's variables (after the change)
 * instead of sending anything; --overwrite=false refuses to change a value; --from imports the keys
 * of a config map or secret as references.
 */
final class SetEnv {
    /** IsEnvVarName: what kubectl checks a new variable's name against. */
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern ENV_ARGUMENT = Pattern.compile("(?s)^(.+)=(.*)$");

    private SetEnv() {}

    /** The variables to set, in order (later ones replace earlier ones of the same name), and those to remove. */
    private record Env(List<ObjectNode> set, List<String> remove) {}

    static int run(Invocation inv, List<String> args) {
        if (inv.args().bool("all") && inv.args().has("selector")) {
            throw new UsageException("error: cannot set --all and --selector at the same time");
        }
        List<String> resources = new ArrayList<>();
        List<String> envArgs = new ArrayList<>();
        for (String s : args) {
            boolean isEnv = ENV_ARGUMENT.matcher(s).matches() || s.endsWith("-");
            if (isEnv) {
                envArgs.add(s);
            } else if (envArgs.isEmpty()) {
                resources.add(s);
            } else {
                throw new UsageException("error: all resources must be specified before environment changes: "
                        + String.join(" ", args));
            }
        }
        DryRun dryRun = DryRun.of(inv);
        String output = ObjectWrites.outputFormat(inv);
        if (inv.args().all("filename").isEmpty() && resources.isEmpty()) {
            throw new UsageException("error: one or more resources must be specified as <resource> <name> or <resource>/<name>");
        }
        boolean list = inv.args().bool("list");
        if (list && !output.isEmpty()) {
            throw new UsageException("error: --list and --output may not be specified together");
        }
        if (!inv.args().all("keys").isEmpty() && !inv.args().has("from")) {
            throw new UsageException("error: when specifying --keys, a configmap or secret must be provided with --from");
        }
        List<String> specs = new ArrayList<>(inv.args().all("env"));
        specs.addAll(envArgs);
        Env env = parse(inv, specs);
        Aggregate errors = new Aggregate();
        if (inv.args().has("from") && !from(inv, env, errors)) {
            return errors.print(inv);
        }
        String prefix = inv.args().get("prefix", "");
        env.set().forEach(e -> e.put("name", prefix + e.path("name").asText()));
        Targets.Found found = Targets.resolve(inv, resources, false);
        if (!found.errors().isEmpty()) {
            errors.addAll(found.errors());
            return errors.print(inv);
        }
        String selector = inv.args().get("containers", "*");
        boolean overwrite = !inv.args().has("overwrite") || inv.args().bool("overwrite");
        Changes.apply(inv, found.targets(), (t, copy) -> {
            ObjectNode spec = PodSpecs.of(t.type(), copy);
            List<ObjectNode> containers = PodSpecs.select(spec, selector);
            if (containers.isEmpty()) {
                inv.sink().emit(Output.Error.info("Warning: " + t.type().kind() + "/" + t.name()
                        + " does not have any containers matching \"" + selector + "\""));
                return !list;
            }
            for (ObjectNode c : containers) {
                if (!overwrite) {
                    noOverwrites(c.path("env"), env.set());
                }
                update(c, env);
                if (list) {
                    list(inv, t.type().kind(), t.name(), c);
                }
            }
            return !list;
        }, "env updated", "failed to patch env update to pod template: ", dryRun, output, errors);
        return errors.print(inv);
    }

    /** envutil.ParseEnv: KEY=VALUE (a valid name), KEY-, and "-" for lines read from standard input. */
    private static Env parse(Invocation inv, List<String> specs) {
        List<ObjectNode> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        Set<String> setNames = new LinkedHashSet<>();
        for (String spec : specs) {
            if (spec.equals("-")) {
                for (String line : (inv.stdin() == null ? "" : inv.stdin()).split("\n")) {
                    String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                    if (l.contains("=")) {
                        set.add(variable(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
                    }
                }
            } else if (spec.contains("=")) {
                String name = spec.substring(0, spec.indexOf('='));
                if (!ENV_NAME.matcher(name).matches()) {
                    throw new UsageException("error: \"" + name + "\" is not a valid key name: a valid environment variable"
                            + " name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with"
                            + " a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation"
                            + " is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
                }
                setNames.add(name);
                set.add(variable(name, spec.substring(spec.indexOf('=') + 1)));
            } else if (spec.endsWith("-")) {
                remove.add(spec.substring(0, spec.length() - 1));
            } else {
                throw new UsageException("error: unknown environment variable: " + spec);
            }
        }
        for (String r : remove) {
            if (setNames.contains(r)) {
                throw new UsageException("error: can not both modify and remove the same environment variable in the same command");
            }
        }
        return new Env(set, remove);
    }

    private static ObjectNode variable(String name, String value) {
        ObjectNode v = Meta.JSON.objectNode();
        v.put("name", name);
        v.put("value", value);
        return v;
    }

    /**
     * --from configmap/NAME or secret/NAME: each key (of --keys, when given) becomes a variable
     * that references it, its name upper-cased with anything else than letters, digits and '_'
     * made '_'. Go ranges over the data map, so the order is the map's; kubetutor takes the keys sorted.
     */
    private static boolean from(Invocation inv, Env env, Aggregate errors) {
        Targets.Found found = Targets.resolve(inv, List.of(inv.args().get("from")), false);
        if (!found.errors().isEmpty()) {
            errors.addAll(found.errors());
            return false;
        }
        List<String> keys = inv.args().all("keys");
        for (Targets.Target t : found.targets()) {
            String ref;
            if (t.type() == ResourceTypes.SECRET) {
                ref = "secretKeyRef";
            } else if (t.type() == ResourceTypes.CONFIG_MAP) {
                ref = "configMapKeyRef";
            } else {
                errors.add("unsupported resource specified in --from");
                return false;
            }
            List<String> dataKeys = new ArrayList<>();
            t.object().path("data").fieldNames().forEachRemaining(dataKeys::add);
            dataKeys.sort(null);
            for (String key : dataKeys) {
                if (!keys.isEmpty() && !keys.contains(key)) {
                    continue;
                }
                String name = key.replaceAll("[^a-zA-Z0-9_]", "_").toUpperCase(java.util.Locale.ROOT);
                if (!name.equals(key)) {
                    inv.sink().emit(Output.Error.info("Warning: key " + key + " transferred to " + name));
                }
                ObjectNode v = Meta.JSON.objectNode();
                v.put("name", name);
                v.putObject("valueFrom").putObject(ref).put("key", key).put("name", t.name());
                env.set().add(v);
            }
        }
        return true;
    }

    private static void noOverwrites(JsonNode existing, List<ObjectNode> set) {
        for (ObjectNode e : set) {
            for (JsonNode current : existing) {
                if (current.path("name").asText().equals(e.path("name").asText())) {
                    if (!current.path("value").asText("").equals(e.path("value").asText(""))) {
                        throw new Changes.Refused("'" + current.path("name").asText() + "' already has a value ("
                                + current.path("value").asText("") + "), and --overwrite is false");
                    }
                    break;
                }
            }
        }
    }

    /** updateEnv: removals first, replacements where the old ones were, new ones at the end. */
    private static void update(ObjectNode container, Env env) {
        Set<String> covered = new LinkedHashSet<>(env.remove());
        Map<String, ObjectNode> newer = new LinkedHashMap<>();
        env.set().forEach(e -> newer.putIfAbsent(e.path("name").asText(), e));
        ArrayNode out = Meta.JSON.arrayNode();
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            if (covered.contains(name)) {
                continue;
            }
            if (newer.containsKey(name)) {
                covered.add(name);
                out.add(newer.get(name).deepCopy());
                continue;
            }
            out.add(e);
        }
        for (ObjectNode e : env.set()) {
            if (covered.add(e.path("name").asText())) {
                out.add(e.deepCopy());
            }
        }
        if (out.isEmpty()) {
            // an empty list is no list to Go's omitempty
            container.remove("env");
        } else {
            container.set("env", out);
        }
    }

    /** --list: each container's variables, references shown by where they come from. */
    private static void list(Invocation inv, String kind, String name, ObjectNode container) {
        StringBuilder sb = new StringBuilder("# " + kind + " " + name + ", container " + container.path("name").asText() + "\n");
        for (JsonNode e : container.path("env")) {
            JsonNode from = e.get("valueFrom");
            if (from == null || from.isNull()) {
                sb.append(e.path("name").asText()).append('=').append(e.path("value").asText("")).append('\n');
            } else {
                sb.append("# ").append(e.path("name").asText()).append(" from ").append(reference(from)).append('\n');
            }
        }
        inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.MESSAGE));
    }

    /** envutil.GetEnvVarRefString. */
    private static String reference(JsonNode from) {
        if (from.has("configMapKeyRef")) {
            JsonNode r = from.get("configMapKeyRef");
            return "configmap " + r.path("name").asText("") + ", key " + r.path("key").asText("");
        }
        if (from.has("secretKeyRef")) {
            JsonNode r = from.get("secretKeyRef");
            return "secret " + r.path("name").asText("") + ", key " + r.path("key").asText("");
        }
        if (from.has("fieldRef")) {
            return "field path " + from.path("fieldRef").path("fieldPath").asText("");
        }
        if (from.has("resourceFieldRef")) {
            JsonNode r = from.get("resourceFieldRef");
            String container = r.path("containerName").asText("");
            return "resource field " + (container.isEmpty() ? "" : container + "/") + r.path("resource").asText("");
        }
        return "";
    }
}
