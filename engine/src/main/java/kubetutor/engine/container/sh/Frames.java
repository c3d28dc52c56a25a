package kubetutor.engine.container.sh;

import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;

/** The frames for each kind of node; {@link SimpleFrame} runs simple commands. */
final class Frames {
    private Frames() {}

    static Machine.Frame of(Ast.Node n, Io io) {
        if (n instanceof Ast.Seq s) {
            return new SeqFrame(s.items(), io);
        } else if (n instanceof Ast.AndOr a) {
            return new AndOrFrame(a, io);
        } else if (n instanceof Ast.Not not) {
            return new NotFrame(not.inner(), io);
        } else if (n instanceof Ast.Pipeline p) {
            return new PipelineFrame(p.stages(), io);
        } else if (n instanceof Ast.Simple s) {
            return new SimpleFrame(s, io);
        } else if (n instanceof Ast.If i) {
            return new IfFrame(i, io);
        } else if (n instanceof Ast.Loop l) {
            return new LoopFrame(l, io);
        } else if (n instanceof Ast.For f) {
            return new ForFrame(f, io);
        } else if (n instanceof Ast.Group g) {
            return g.subshell() ? new SubshellFrame(g.body(), io) : of(g.body(), io);
        } else if (n instanceof Ast.Redirected r) {
            return new RedirectedFrame(r, io);
        }
        throw new IllegalStateException("unknown node " + n);
    }

    /** A loop that break and continue can find. */
    interface LoopLike {
        void continueLoop();
    }

    static final class SeqFrame extends Machine.Frame {
        private final List<Ast.Node> items;
        private int next;

        SeqFrame(List<Ast.Node> items, Io io) {
            super(io);
            this.items = items;
        }

        @Override
        Step step(Machine m) {
            if (next < items.size()) {
                m.push(of(items.get(next++), io));
            } else {
                m.finish(items.isEmpty() ? 0 : m.sh.status);
            }
            return null;
        }
    }

    static final class AndOrFrame extends Machine.Frame {
        private final Ast.AndOr node;
        private int phase;

        AndOrFrame(Ast.AndOr node, Io io) {
            super(io);
            this.node = node;
        }

        @Override
        Step step(Machine m) {
            if (phase == 0) {
                phase = 1;
                m.push(of(node.left(), io));
            } else if (phase == 1 && (m.sh.status == 0) != node.or()) {
                phase = 2;
                m.push(of(node.right(), io));
            } else {
                m.finish(m.sh.status);
            }
            return null;
        }
    }

    static final class NotFrame extends Machine.Frame {
        private final Ast.Node inner;
        private boolean started;

        NotFrame(Ast.Node inner, Io io) {
            super(io);
            this.inner = inner;
        }

        @Override
        Step step(Machine m) {
            if (!started) {
                started = true;
                m.push(of(inner, io));
            } else {
                m.finish(m.sh.status == 0 ? 1 : 0);
            }
            return null;
        }
    }

    /**
     * Runs the stages one after the other, each one's output becoming the next one's input. Real
     * pipelines run concurrently; for the finite producers lessons use ({@code cat f | grep x}) the
     * output is the same.
     */
    static final class PipelineFrame extends Machine.Frame {
        private final List<Ast.Node> stages;
        private int next;
        private Io.Buffer pending;

        PipelineFrame(List<Ast.Node> stages, Io io) {
            super(io);
            this.stages = stages;
        }

        @Override
        Step step(Machine m) {
            if (next == stages.size()) {
                m.finish(m.sh.status);
                return null;
            }
            String input = pending == null ? io.stdin() : pending.text.toString();
            Io stageIo = io.withStdin(input);
            if (next < stages.size() - 1) {
                pending = new Io.Buffer(m.sh.host.memory());
                stageIo = stageIo.withOut(pending);
            }
            m.push(of(stages.get(next++), stageIo));
            return null;
        }
    }

    static final class IfFrame extends Machine.Frame {
        private final Ast.If node;
        /** Which condition runs (-1 before the first). */
        private int branch = -1;
        private boolean inBody;

        IfFrame(Ast.If node, Io io) {
            super(io);
            this.node = node;
        }

        @Override
        Step step(Machine m) {
            if (inBody) {
                m.finish(m.sh.status);
            } else if (branch < 0) {
                branch = 0;
                m.push(of(node.conds().get(0), io));
            } else if (m.sh.status == 0) {
                inBody = true;
                m.push(of(node.bodies().get(branch), io));
            } else if (++branch < node.conds().size()) {
                m.push(of(node.conds().get(branch), io));
            } else if (node.orElse() != null) {
                inBody = true;
                m.push(of(node.orElse(), io));
            } else {
                m.finish(0);
            }
            return null;
        }
    }

    static final class LoopFrame extends Machine.Frame implements LoopLike {
        private final Ast.Loop node;
        private boolean inBody;
        private boolean started;
        private int bodyStatus;

        LoopFrame(Ast.Loop node, Io io) {
            super(io);
            this.node = node;
        }

        @Override
        public void continueLoop() {
            inBody = false;
            started = false;
        }

        @Override
        Step step(Machine m) {
            if (!started) {
                started = true;
                inBody = false;
                m.push(of(node.cond(), io));
            } else if (!inBody) {
                if ((m.sh.status == 0) == node.until()) {
                    m.finish(bodyStatus);
                } else {
                    inBody = true;
                    m.push(of(node.body(), io));
                }
            } else {
                bodyStatus = m.sh.status;
                started = false;
            }
            return null;
        }
    }

    static final class ForFrame extends Machine.Frame implements LoopLike {
        private final Ast.For node;
        private Substitutions subs;
        private List<String> values;
        private int next;

        ForFrame(Ast.For node, Io io) {
            super(io);
            this.node = node;
        }

        @Override
        public void continueLoop() {}

        @Override
        Step step(Machine m) {
            if (values == null) {
                if (node.words() == null) {
                    values = List.copyOf(m.sh.positional);
                } else {
                    if (subs == null) {
                        subs = new Substitutions(node.words(), List.of(), List.of());
                    }
                    if (subs.pushNext(m, io)) {
                        return null;
                    }
                    values = Expander.fields(node.words(), m.sh, subs.results);
                }
                m.sh.status = 0;
            }
            if (next < values.size()) {
                m.sh.vars.put(node.var(), values.get(next++));
                m.push(of(node.body(), io));
            } else {
                m.finish(m.sh.status);
            }
            return null;
        }
    }

    /** ( list ): runs in a copy of the shell, so variable and cwd changes stay inside. */
    static final class SubshellFrame extends Machine.Frame {
        private final Ast.Node body;
        private boolean started;

        SubshellFrame(Ast.Node body, Io io) {
            super(io);
            this.body = body;
        }

        @Override
        Step step(Machine m) {
            if (!started) {
                started = true;
                Machine child = new Machine(m.sh.subshell(), m.budget);
                child.push(of(body, io));
                m.push(new ChildFrame(child, io, code -> {}));
            } else {
                m.finish(m.sh.status);
            }
            return null;
        }
    }

    static final class RedirectedFrame extends Machine.Frame {
        private final Ast.Redirected node;
        private boolean started;

        RedirectedFrame(Ast.Redirected node, Io io) {
            super(io);
            this.node = node;
        }

        @Override
        Step step(Machine m) {
            if (started) {
                m.finish(m.sh.status);
                return null;
            }
            started = true;
            Io redirected = Redirections.apply(node.redirs(), io, m.sh, java.util.Map.of());
            if (redirected == null) {
                m.finish(2);
            } else {
                m.push(of(node.inner(), redirected));
            }
            return null;
        }
    }

    static final class SleepFrame extends Machine.Frame {
        private final Duration duration;
        private boolean slept;

        SleepFrame(Duration duration, Io io) {
            super(io);
            this.duration = duration;
        }

        @Override
        boolean interruptible() {
            return false;
        }

        @Override
        Step step(Machine m) {
            if (!slept) {
                slept = true;
                return new Step.Sleep(duration);
            }
            m.finish(0);
            return null;
        }
    }

    /** A command that waits before it fails (a connect timing out): it sleeps, then says why and ends. */
    static final class WaitFrame extends Machine.Frame {
        private final Duration duration;
        private final String message;
        private final int status;
        private boolean waited;

        WaitFrame(Duration duration, String message, int status, Io io) {
            super(io);
            this.duration = duration;
            this.message = message;
            this.status = status;
        }

        @Override
        boolean interruptible() {
            return false;
        }

        @Override
        Step step(Machine m) {
            if (!waited) {
                waited = true;
                return new Step.Sleep(duration);
            }
            io.err().write(message);
            m.finish(status);
            return null;
        }
    }

    /** A command computing forever: each resume uses up the process's steps, and it never finishes. */
    static final class SpinFrame extends Machine.Frame {
        SpinFrame(Io io) {
            super(io);
        }

        @Override
        boolean interruptible() {
            return false;
        }

        @Override
        Step step(Machine m) {
            m.budget.left = 0;
            return null;
        }
    }

    /** Waits for another shell (sh -c, a subshell, a command substitution) run by its own machine. */
    static final class ChildFrame extends Machine.Frame {
        private final Machine child;
        private final IntConsumer onExit;

        ChildFrame(Machine child, Io io, IntConsumer onExit) {
            super(io);
            this.child = child;
            this.onExit = onExit;
        }

        @Override
        boolean interruptible() {
            return false;
        }

        @Override
        Step step(Machine m) {
            Step s = child.run();
            if (s instanceof Step.Exited e) {
                m.finish(e.code());
                onExit.accept(e.code());
                return null;
            }
            return s;
        }
    }

    /** Runs a trap's action, then restores $? as ash does after a trap. */
    static final class TrapFrame extends Machine.Frame {
        private final Ast.Node action;
        private int saved = -1;

        TrapFrame(Ast.Node action, Io io) {
            super(io);
            this.action = action;
        }

        @Override
        Step step(Machine m) {
            if (saved < 0) {
                saved = m.sh.status;
                m.push(of(action, io));
            } else {
                m.finish(saved);
            }
            return null;
        }
    }
}
