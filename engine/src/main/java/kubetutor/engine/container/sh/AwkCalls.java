package kubetutor.engine.container.sh;

import kubetutor.engine.container.sh.AwkParser.Expr;
import kubetutor.engine.container.sh.AwkParser.Stmt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * awk's user functions: parameters are a function's only locals (extra ones are the idiom for
 * locals), scalars pass by value and arrays by reference, and an unset variable passed to a function
 * that uses it as an array becomes that array. Calls nest as deep as mawk's evaluation stack lets
 * them (1024 slots, one a parameter), past which mawk stops the program.
 */
final class AwkCalls {
    record Function(String name, List<String> params, List<Stmt> body) {}

    /** return: unwinds to the call with the function's value. */
    static final class Return extends RuntimeException {
        final Object value;

        Return(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /** mawk's "program limit exceeded": the program stops with status 2. */
    static final class Limit extends RuntimeException {
        Limit(String message) {
            super(message, null, false, false);
        }
    }

    /** A parameter: a scalar, or an array (the caller's, reached when first used as one). */
    static final class Slot {
        Object value = "";
        private Map<String, Object> array;
        private Supplier<Map<String, Object>> callers;

        Map<String, Object> array() {
            if (array == null) {
                array = callers != null ? callers.get() : new LinkedHashMap<>();
            }
            return array;
        }

        boolean isArray() {
            return array != null;
        }
    }

    private static final int EVAL_STACK = 1024;

    final Map<String, Function> functions = new HashMap<>();
    private final Deque<Map<String, Slot>> frames = new ArrayDeque<>();
    private int slots;

    /** The parameter of the running function with this name, or null for a global. */
    Slot local(String name) {
        return frames.isEmpty() ? null : frames.peek().get(name);
    }

    Object call(Awk a, String name, List<Expr> args) {
        Function f = functions.get(name);
        if (args.size() > f.params().size()) {
            throw new AwkLexer.Error("too many arguments in call to " + name);
        }
        Map<String, Slot> frame = new HashMap<>();
        for (int i = 0; i < f.params().size(); i++) {
            Slot slot = new Slot();
            if (i < args.size()) {
                Expr arg = args.get(i);
                if (arg instanceof AwkLValues.Variable v && a.isArray(v.name())) {
                    slot.array = a.array(v.name());
                } else {
                    slot.value = arg.eval(a);
                    if (arg instanceof AwkLValues.Variable v && a.isUnset(v.name())) {
                        slot.callers = a.arrayRef(v.name());
                    }
                }
            }
            frame.put(f.params().get(i), slot);
        }
        int used = Math.max(1, f.params().size()) + 1;
        if (slots + used > EVAL_STACK) {
            throw new Limit("program limit exceeded: eval stack size=" + EVAL_STACK);
        }
        slots += used;
        frames.push(frame);
        try {
            for (Stmt s : f.body()) {
                a.tick();
                s.run(a);
            }
            return "";
        } catch (Return r) {
            return r.value;
        } finally {
            frames.pop();
            slots -= used;
        }
    }
}
