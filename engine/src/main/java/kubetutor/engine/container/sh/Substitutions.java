package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The $( ... ) inside a command's words, run one by one in sub-shells before the words are
 * expanded, so a substitution may itself sleep and be resumed.
 */
final class Substitutions {
    final Map<Ast.CmdSub, String> results = new IdentityHashMap<>();
    private final List<Ast.CmdSub> pending = new ArrayList<>();
    private int next;
    /** The status of the last substitution, which becomes $? of an assignment-only command. */
    Integer lastStatus;

    Substitutions(List<Ast.Word> words, List<Ast.Assign> assigns, List<Ast.Redir> redirs) {
        words.forEach(this::collect);
        assigns.forEach(a -> collect(a.value()));
        redirs.forEach(r -> collect(r.target()));
    }

    private void collect(Ast.Word w) {
        if (w == null) {
            return;
        }
        for (Ast.Part p : w.parts()) {
            if (p instanceof Ast.CmdSub c) {
                pending.add(c);
            } else if (p instanceof Ast.Param param) {
                collect(param.arg());
            } else if (p instanceof Ast.Arith a) {
                collect(a.expr());
            }
        }
    }

    /** Starts the next substitution; false when all have run. */
    boolean pushNext(Machine m, Io io) {
        if (next >= pending.size()) {
            return false;
        }
        Ast.CmdSub c = pending.get(next++);
        Io.Buffer out = new Io.Buffer(m.sh.host.memory());
        Machine child = new Machine(m.sh.subshell(), m.budget);
        child.push(Frames.of(c.program(), io.withOut(out)));
        m.push(new Frames.ChildFrame(child, io, code -> {
            results.put(c, stripTrailingNewlines(out.text.toString()));
            lastStatus = code;
        }));
        return true;
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
