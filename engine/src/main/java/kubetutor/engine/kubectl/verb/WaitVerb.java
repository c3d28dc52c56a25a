package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Targets;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.printer.TemplateOutput;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * kubectl wait (wait.go): until each object named meets --for (condition=NAME[=VALUE], delete,
 * create, jsonpath='{...}'[=VALUE]), printing "pod/web condition met" for each, within --timeout
 * (30s; 0 checks once; negative is a week) as the simulated clock runs.
 */
public final class WaitVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("wait", "Experimental: Wait for a specific condition on one or many resources",
            List.of(FlagSpec.bool("all", null, "Select all resources in the namespace of the specified resource types"),
                    FlagSpec.bool("all-namespaces", "A", "If present, list the requested object(s) across all namespaces."),
                    TemplateOutput.ALLOW_MISSING_KEYS,
                    FlagSpec.value("field-selector", null, ValueKind.TEXT, "", "Selector (field query) to filter on."),
                    FlagSpec.many("filename", "f", ValueKind.FILE, "identifying the resource."),
                    FlagSpec.value("for", null, ValueKind.TEXT, "", "The condition to wait on."),
                    FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml", "name", "jsonpath="),
                    FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", "Selector (label query) to filter on."),
                    TemplateOutput.TEMPLATE,
                    FlagSpec.value("timeout", null, ValueKind.DURATION, "30s", "The length of time to wait before giving up.")),
            ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        String output = ObjectWrites.outputFormat(inv);
        WaitCondition condition = WaitCondition.parse(inv.args().get("for", ""));
        String timeoutFlag = inv.args().get("timeout", "30s");
        // a negative timeout (Go durations may have a sign) means a week
        Duration timeout = timeoutFlag.startsWith("-") ? Duration.ofHours(168) : Durations.parse(timeoutFlag);
        List<String> words = inv.args().positional();
        if (words.isEmpty() && inv.args().all("filename").isEmpty()) {
            throw new UsageException(Targets.NONE_GIVEN);
        }
        Instant limit = inv.now().plus(timeout);
        if (condition.kind() == WaitCondition.Kind.CREATE) {
            // kubectl polls its builder until the named objects are there
            if (!inv.runUntil(() -> Targets.resolve(inv, words, false).errors().isEmpty(), limit)) {
                return 1;
            }
            if (!Targets.resolve(inv, words, false).errors().isEmpty()) {
                throw new UsageException("error: timed out waiting for the condition");
            }
        }
        Targets.Found found = Targets.resolve(inv, words, false);
        Aggregate errors = new Aggregate();
        if (condition.kind() != WaitCondition.Kind.DELETE) {
            errors.addAll(found.errors());
        }
        for (Targets.Target t : found.targets()) {
            Outcome o;
            try {
                o = await(inv, t, condition, timeout.isZero(), limit);
            } catch (WaitCondition.Failed e) {
                errors.add(e.getMessage());
                continue;
            }
            if (o == Outcome.CANCELLED) {
                return 1;
            }
            if (o == Outcome.MET) {
                JsonNode shown = condition.kind() == WaitCondition.Kind.DELETE ? t.object()
                        : inv.cluster().store().get(t.type(), t.namespace(), t.name());
                ObjectWrites.printObject(inv, t.type(), (ObjectNode) (shown == null ? t.object() : shown), "condition met",
                        DryRun.NONE, output);
                continue;
            }
            String objectName = t.type().plural() + "/" + t.name();
            if (o == Outcome.GONE) {
                errors.addAll(List.of(ApiException.notFound(t.type(), t.name())));
            } else if (timeout.isZero()) {
                errors.add("condition not met for " + objectName);
            } else {
                errors.add("timed out waiting for the condition on " + objectName);
            }
        }
        if (found.targets().isEmpty() && errors.isEmpty() && condition.kind() != WaitCondition.Kind.DELETE) {
            throw new UsageException("error: no matching resources found");
        }
        return errors.print(inv);
    }

    private enum Outcome { MET, NOT_MET, GONE, CANCELLED }

    private static Outcome await(Invocation inv, Targets.Target t, WaitCondition condition, boolean once, Instant limit) {
        String uid = Meta.uid(t.object());
        if (condition.kind() == WaitCondition.Kind.DELETE) {
            // gone, or another object under the same name: deleted
            java.util.function.BooleanSupplier deleted = () -> {
                ObjectNode now = inv.cluster().store().get(t.type(), t.namespace(), t.name());
                return now == null || !Meta.uid(now).equals(uid);
            };
            if (deleted.getAsBoolean()) {
                return Outcome.MET;
            }
            if (once) {
                return Outcome.NOT_MET;
            }
            if (!inv.runUntil(deleted, limit)) {
                return Outcome.CANCELLED;
            }
            return deleted.getAsBoolean() ? Outcome.MET : Outcome.NOT_MET;
        }
        if (condition.kind() == WaitCondition.Kind.CREATE) {
            return Outcome.MET;
        }
        ObjectNode current = inv.cluster().store().get(t.type(), t.namespace(), t.name());
        if (current == null) {
            return Outcome.GONE;
        }
        java.util.function.BooleanSupplier met = () -> {
            ObjectNode now = inv.cluster().store().get(t.type(), t.namespace(), t.name());
            return now != null && condition.isMet(now);
        };
        if (met.getAsBoolean()) {
            return Outcome.MET;
        }
        if (once) {
            return Outcome.NOT_MET;
        }
        if (!inv.runUntil(met, limit)) {
            return Outcome.CANCELLED;
        }
        return met.getAsBoolean() ? Outcome.MET : Outcome.NOT_MET;
    }
}
