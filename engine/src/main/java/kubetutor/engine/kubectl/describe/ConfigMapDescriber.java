package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.util.Base64;
import java.util.TreeMap;

/**
 * kubectl 1.32 describe configmap: each value under its key and a dashed line, binary values by
 * size. Go walks the maps in random order, so a real kubectl may list the keys in any order;
 * kubetutor lists them sorted.
 */
final class ConfigMapDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.CONFIG_MAP;
    }

    @Override
    public String describe(JsonNode cm, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        w.field(0, "Name", Meta.name(cm));
        w.field(0, "Namespace", Meta.namespace(cm));
        Fields.labels(w, "Labels", Meta.labels(cm));
        Fields.annotations(w, Meta.annotations(cm));
        w.write(0, "\nData\n====\n");
        new TreeMap<>(Meta.stringMap(cm.path("data"))).forEach((key, value) ->
                w.write(0, key + ":\n----\n").write(0, value + "\n").write(0, "\n"));
        w.write(0, "\nBinaryData\n====\n");
        new TreeMap<>(Meta.stringMap(cm.path("binaryData"))).forEach((key, value) ->
                w.write(0, key + ": " + Base64.getMimeDecoder().decode(value).length + " bytes\n"));
        w.write(0, "\n");
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, cm), ctx.now());
        }
        return w.text();
    }
}
