package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DescribePodTemplate for kubectl rollout (history --revision, undo --dry-run=client): the
 * "Pod Template:" block describe prints, but written straight to a buffer, as polymorphichelpers'
 * printTemplate does, so its tabs are never aligned.
 */
public final class PodTemplateText {
    private PodTemplateText() {}

    public static String of(JsonNode template) {
        DescribeWriter w = new DescribeWriter();
        PodTemplateSection.write(w, template);
        return w.raw();
    }
}
