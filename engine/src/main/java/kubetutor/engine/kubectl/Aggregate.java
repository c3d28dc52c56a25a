package kubetutor.engine.kubectl;

import kubetutor.engine.api.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The errors a kubectl command collects while it goes on with the other objects (utilerrors'
 * aggregate), printed at the end as checkErr prints them. An aggregate of one is its error: a
 * server error as "Error from server (Reason): ...", any other with "error: " put in front when it
 * has none. Several are listed one per line as MultipleErrors does: server errors in full, the
 * others as they are (without the prefix), and an aggregate inside as Go's Error() joins it
 * (bare server messages, "[a, b]" for more than one).
 */
public final class Aggregate {
    /** One error, with Go's err.Error() text. */
    private sealed interface Err {
        String error();
    }

    private record Plain(String error) implements Err {}

    private record Server(ApiException e) implements Err {
        @Override
        public String error() {
            return e.getMessage();
        }
    }

    private record Group(List<Err> errs) implements Err {
        @Override
        public String error() {
            Set<String> seen = new LinkedHashSet<>();
            errs.forEach(e -> seen.add(e.error()));
            String joined = String.join(", ", seen);
            return seen.size() > 1 ? "[" + joined + "]" : joined;
        }
    }

    private final List<Err> errs = new ArrayList<>();

    /** A plain error ("unable to find the specified revision"). */
    public void add(String message) {
        errs.add(new Plain(message));
    }

    /** Errors from the server, each an error of this aggregate. */
    public void addAll(List<ApiException> errors) {
        errors.forEach(e -> errs.add(new Server(e)));
    }

    /** Errors from the server kept together as one aggregate inside this one (a builder's Infos() error). */
    public void addGroup(List<ApiException> errors) {
        if (!errors.isEmpty()) {
            List<Err> group = new ArrayList<>();
            errors.forEach(e -> group.add(new Server(e)));
            errs.add(new Group(group));
        }
    }

    public boolean isEmpty() {
        return errs.isEmpty();
    }

    /** Prints the errors on standard error; the exit status: 1 when there were any. */
    public int print(Invocation inv) {
        if (errs.isEmpty()) {
            return 0;
        }
        Err err = errs.size() == 1 ? errs.get(0) : new Group(errs);
        if (err instanceof Group g) {
            StringBuilder sb = new StringBuilder();
            g.errs().forEach(e -> sb.append(e instanceof Server s ? s.e().kubectlMessage() : e.error()).append('\n'));
            inv.err(sb.toString());
        } else if (err instanceof Server s) {
            inv.err(s.e().kubectlMessage());
        } else {
            String m = err.error();
            inv.err(m.startsWith("error: ") ? m : "error: " + m);
        }
        return 1;
    }
}
