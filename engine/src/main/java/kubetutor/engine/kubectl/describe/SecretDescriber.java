package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.TreeMap;

/**
 * kubectl 1.32 describe secret: the type, and each value's size, never the value, except a
 * service account token's token. No events. Keys sorted, where Go's map order is random.
 */
final class SecretDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.SECRET;
    }

    @Override
    public String describe(JsonNode secret, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        w.field(0, "Name", Meta.name(secret));
        w.field(0, "Namespace", Meta.namespace(secret));
        Fields.labels(w, "Labels", Meta.labels(secret));
        Fields.annotations(w, Meta.annotations(secret));
        String type = secret.path("type").asText("");
        w.write(0, "\nType:\t" + type + "\n");
        w.write(0, "\nData\n====\n");
        new TreeMap<>(Meta.stringMap(secret.path("data"))).forEach((key, value) -> {
            byte[] bytes = Base64.getMimeDecoder().decode(value);
            if (key.equals("token") && type.equals("kubernetes.io/service-account-token")) {
                w.field(0, key, new String(bytes, StandardCharsets.UTF_8));
            } else {
                w.field(0, key, bytes.length + " bytes");
            }
        });
        return w.text();
    }
}
