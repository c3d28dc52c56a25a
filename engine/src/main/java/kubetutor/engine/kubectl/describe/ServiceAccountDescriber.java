package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * kubectl 1.32 describe serviceaccount: its pull and mountable secrets (marked "(not found)" when
 * no such secret exists) and its token secrets, the secrets of type service-account-token that name
 * this account and its uid. Since 1.24 nothing creates those, so Tokens is usually &lt;none&gt;.
 */
final class ServiceAccountDescriber implements Describer {
    /** describe.go's headers, padded to one width, in the (sorted) order it prints them. */
    private static final String PULL = "Image pull secrets:";
    private static final String MOUNT = "Mountable secrets: ";
    private static final String TOKENS = "Tokens:            ";
    private static final String EMPTY = "                   ";

    @Override
    public ResourceType type() {
        return ResourceTypes.SERVICE_ACCOUNT;
    }

    @Override
    public String describe(JsonNode sa, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        w.field(0, "Name", Meta.name(sa));
        w.field(0, "Namespace", Meta.namespace(sa));
        Fields.labels(w, "Labels", Meta.labels(sa));
        Fields.annotations(w, Meta.annotations(sa));
        Set<String> existing = new HashSet<>();
        List<String> tokens = new ArrayList<>();
        for (JsonNode s : ctx.list(ResourceTypes.SECRET, Meta.namespace(sa))) {
            JsonNode annotations = s.path("metadata").path("annotations");
            if (s.path("type").asText("").equals("kubernetes.io/service-account-token")
                    && annotations.path("kubernetes.io/service-account.name").asText("").equals(Meta.name(sa))
                    && annotations.path("kubernetes.io/service-account.uid").asText("").equals(Meta.uid(sa))) {
                tokens.add(Meta.name(s));
            }
            existing.add(Meta.name(s));
        }
        names(w, PULL, names(sa.path("imagePullSecrets")), existing);
        names(w, MOUNT, names(sa.path("secrets")), existing);
        names(w, TOKENS, tokens, existing);
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, sa), ctx.now());
        }
        return w.text();
    }

    private static List<String> names(JsonNode refs) {
        List<String> out = new ArrayList<>();
        refs.forEach(r -> out.add(r.path("name").asText("")));
        return out;
    }

    private static void names(DescribeWriter w, String header, List<String> names, Set<String> existing) {
        if (names.isEmpty()) {
            w.write(0, header + "\t<none>\n");
            return;
        }
        String prefix = header;
        for (String name : names) {
            w.write(0, prefix + "\t" + name + (existing.contains(name) ? "" : " (not found)") + "\n");
            prefix = EMPTY;
        }
    }
}
