package kubetutor.engine.kubectl.verb;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.output.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** kubectl version: the client's and the simulated API server's build information. */
public final class VersionVerb implements Verb {

    /** One binary's version.Info, fields in Go struct order (the order -o json prints). */
    public record BuildInfo(String major, String minor, String gitVersion, String gitCommit, String gitTreeState,
                            String buildDate, String goVersion, String compiler, String platform) {
        List<Map.Entry<String, String>> fields() {
            return List.of(Map.entry("major", major), Map.entry("minor", minor), Map.entry("gitVersion", gitVersion),
                    Map.entry("gitCommit", gitCommit), Map.entry("gitTreeState", gitTreeState),
                    Map.entry("buildDate", buildDate), Map.entry("goVersion", goVersion),
                    Map.entry("compiler", compiler), Map.entry("platform", platform));
        }
    }

    // The upstream v1.32.4 release: kubectl's own build, and the kube-apiserver image of the same tag.
    public static final BuildInfo CLIENT = new BuildInfo("1", "32", "v1.32.4",
            "59526cd4867447956156ae3a602fcbac10a2c335", "clean", "2025-04-22T16:03:58Z", "go1.23.6", "gc", "linux/amd64");
    public static final BuildInfo SERVER = new BuildInfo("1", "32", "v1.32.4",
            "59526cd4867447956156ae3a602fcbac10a2c335", "clean", "2025-04-22T15:56:27Z", "go1.23.6", "gc", "linux/amd64");
    public static final String KUSTOMIZE = "v5.5.0";

    private static final CommandSpec SPEC = CommandSpec.of("version",
            "Print the client and server version information", List.of(
                    FlagSpec.bool("client", null, "If true, shows client version only (no server required)."),
                    FlagSpec.choice("output", "o", "", "One of 'yaml' or 'json'.", "yaml", "json")));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        // kubectl ignores positional arguments here
        boolean clientOnly = inv.args().bool("client");
        String output = inv.args().get("output", "");
        switch (output) {
            case "" -> {
                StringBuilder sb = new StringBuilder();
                sb.append("Client Version: ").append(CLIENT.gitVersion()).append('\n');
                sb.append("Kustomize Version: ").append(KUSTOMIZE).append('\n');
                if (!clientOnly) {
                    sb.append("Server Version: ").append(SERVER.gitVersion()).append('\n');
                }
                inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.MESSAGE));
            }
            case "yaml" -> inv.sink().emit(new Output.Text(yaml(clientOnly), Output.TextKind.YAML));
            case "json" -> inv.sink().emit(new Output.Text(json(clientOnly), Output.TextKind.JSON));
            default -> throw new UsageException("error: --output must be 'yaml' or 'json'");
        }
        return 0;
    }

    /** sigs.k8s.io/yaml sorts the keys; kubectl prints the document with Println, so one blank line follows. */
    private static String yaml(boolean clientOnly) {
        StringBuilder sb = new StringBuilder("clientVersion:\n");
        yamlInfo(sb, CLIENT);
        sb.append("kustomizeVersion: ").append(KUSTOMIZE).append('\n');
        if (!clientOnly) {
            sb.append("serverVersion:\n");
            yamlInfo(sb, SERVER);
        }
        return sb.append('\n').toString();
    }

    private static void yamlInfo(StringBuilder sb, BuildInfo info) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(info.fields());
        sorted.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, String> e : sorted) {
            String v = e.getValue();
            // go-yaml quotes strings that would read back as another type: "1", "32", timestamps
            boolean quote = v.matches("\\d+") || v.matches("\\d{4}-\\d{2}-\\d{2}T.*");
            sb.append("  ").append(e.getKey()).append(": ").append(quote ? "\"" + v + "\"" : v).append('\n');
        }
    }

    /** json.MarshalIndent with two spaces, struct order. */
    private static String json(boolean clientOnly) {
        StringBuilder sb = new StringBuilder("{\n  \"clientVersion\": ");
        jsonInfo(sb, CLIENT);
        sb.append(",\n  \"kustomizeVersion\": \"").append(KUSTOMIZE).append('"');
        if (!clientOnly) {
            sb.append(",\n  \"serverVersion\": ");
            jsonInfo(sb, SERVER);
        }
        return sb.append("\n}\n").toString();
    }

    private static void jsonInfo(StringBuilder sb, BuildInfo info) {
        sb.append("{\n");
        List<Map.Entry<String, String>> fields = info.fields();
        for (int i = 0; i < fields.size(); i++) {
            sb.append("    \"").append(fields.get(i).getKey()).append("\": \"").append(fields.get(i).getValue()).append('"');
            sb.append(i + 1 < fields.size() ? ",\n" : "\n");
        }
        sb.append("  }");
    }
}
