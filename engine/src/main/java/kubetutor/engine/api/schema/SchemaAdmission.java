package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Admission;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;

import java.util.List;

/** The API server's admission as the schema describes it: strict decoding, defaulting, validation. */
public final class SchemaAdmission implements Admission {
    private static final Schema SCHEMA = Schema.standard();

    private final Decoder decoder = new Decoder(SCHEMA);
    private final Defaulter defaulter = new Defaulter(SCHEMA);
    private final Validator validator = new Validator();
    private final DefaultingContext context;

    public SchemaAdmission(DefaultingContext context) {
        this.context = context;
    }

    public static Schema schema() {
        return SCHEMA;
    }

    @Override
    public void decode(ResourceType type, ObjectNode obj) {
        decoder.decodeError(type, obj).ifPresent(msg -> {
            throw new ApiException(ApiException.Reason.BadRequest, msg);
        });
    }

    @Override
    public void defaults(ResourceType type, ObjectNode obj) {
        defaulter.apply(type, obj, context);
    }

    @Override
    public void validateCreate(ResourceType type, ObjectNode obj) {
        List<FieldError> errors = validator.validate(type, obj);
        if (!errors.isEmpty()) {
            throw new ApiException(ApiException.Reason.Invalid, Validator.message(type, Meta.name(obj), errors));
        }
    }

    /**
     * Also does the one part of the registry's PrepareForUpdate that needs the stored object, which
     * only this step is given: a DaemonSet's template generation.
     */
    @Override
    public void validateUpdate(ResourceType type, ObjectNode oldObj, ObjectNode newObj) {
        if (type.kind().equals("DaemonSet")) {
            TemplateGeneration.onUpdate(oldObj, newObj);
        }
        List<FieldError> errors = validator.validateUpdate(type, oldObj, newObj);
        if (!errors.isEmpty()) {
            throw new ApiException(ApiException.Reason.Invalid, Validator.message(type, Meta.name(newObj), errors));
        }
    }
}
