package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.selector.FieldSelector;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.selector.SelectorSyntaxException;

/**
 * The -l and --field-selector of a list call. kubectl sends both to the API server as written; the
 * server parses them (apimachinery labels.Parse, fields.ParseSelector), converts each field label
 * for the kind (its registry's field label conversion), and answers 400 BadRequest, which
 * cli-runtime's Selector visitor rewraps as "Unable to find ... that match label selector ...".
 */
final class ListSelectors {
    private final String labelText;
    private final String fieldText;
    private final LabelSelector labels;
    private final FieldSelector fields;
    private final String syntaxError;

    ListSelectors(String labelText, String fieldText) {
        this.labelText = labelText;
        this.fieldText = fieldText;
        LabelSelector parsedLabels = null;
        FieldSelector parsedFields = FieldSelector.EVERYTHING;
        String error = null;
        try {
            parsedLabels = LabelSelector.parse(labelText);
            parsedFields = FieldSelector.parse(fieldText);
        } catch (SelectorSyntaxException e) {
            error = e.getMessage();
        }
        this.labels = parsedLabels;
        this.fields = parsedFields;
        this.syntaxError = error;
    }

    /** Throws the API server's answer, as kubectl prints it, when it would refuse to list {@code type} so. */
    void check(ResourceType type) {
        String error = syntaxError;
        if (error == null && fields.unsupported(type.kind()) != null) {
            error = "field label not supported: " + fields.unsupported(type.kind());
        }
        if (error != null) {
            throw new UsageException("Error from server (BadRequest): Unable to find \"" + type.group() + "/"
                    + type.version() + ", Resource=" + type.plural() + "\" that match label selector \"" + labelText
                    + "\", field selector \"" + fieldText + "\": " + error);
        }
    }

    boolean matches(JsonNode o) {
        return labels.matches(Meta.labels(o)) && fields.matches(o);
    }
}
