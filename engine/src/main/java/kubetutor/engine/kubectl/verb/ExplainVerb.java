package kubetutor.engine.kubectl.verb;

import kubetutor.engine.api.schema.Explainer;
import kubetutor.engine.api.schema.Schema;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.output.Output;

import java.util.List;
import java.util.Optional;

/** kubectl explain RESOURCE[.FIELD...]: the documentation of the kinds the simulator serves. */
public final class ExplainVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("explain", "Get documentation for a resource", List.of(
            FlagSpec.value("api-version", null, ValueKind.TEXT, "",
                    "Use given api-version (group/version) of the resource."),
            FlagSpec.choice("output", "o", "plaintext", "Format in which to render the schema.", "plaintext",
                    "plaintext-openapiv2"),
            FlagSpec.bool("recursive", null, "When true, print the name of all the fields recursively.")),
            ValueKind.RESOURCE_TYPE);

    private final Explainer explainer = new Explainer(Schema.standard());

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args().positional();
        if (args.isEmpty()) {
            throw new UsageException("error: You must specify the type of resource to explain. Use \"kubectl api-resources\" "
                    + "for a complete list of supported resources.");
        }
        if (args.size() > 1) {
            throw new UsageException("error: We accept only this format: explain RESOURCE");
        }
        String path = args.get(0);
        String output = inv.args().get("output", "plaintext");
        if (output.equals("plaintext-openapiv2")) {
            // kubectl's older layout, from the OpenAPI v2 document the simulated API server does not keep
            throw new UsageException("error: kubetutor prints kubectl explain in its default format (plaintext) only");
        }
        if (!output.equals("plaintext")) {
            throw new UsageException("error: unrecognized format: " + output);
        }
        String apiVersion = inv.args().get("api-version", "");
        if (!apiVersion.isEmpty()) {
            Optional<String> wrongVersion = explainer.apiVersionError(path, apiVersion);
            if (wrongVersion.isPresent()) {
                throw new UsageException(wrongVersion.get());
            }
        }
        Optional<String> text = explainer.explain(path, inv.args().bool("recursive"));
        if (text.isEmpty()) {
            explainer.header(path).ifPresent(h -> inv.sink().emit(new Output.Text(h, Output.TextKind.DESCRIBE)));
            throw new UsageException(explainer.error(path));
        }
        inv.sink().emit(new Output.Text(text.get(), Output.TextKind.DESCRIBE));
        return 0;
    }
}
