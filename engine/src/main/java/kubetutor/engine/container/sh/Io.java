package kubetutor.engine.container.sh;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Where a command's output goes and what its standard input holds (pipes pass text, not streams). */
record Io(Sink out, Sink err, String stdin) {
    interface Sink {
        void write(String text);
    }

    static final Sink NULL = text -> {};

    static Sink to(Consumer<String> c) {
        return c::accept;
    }

    /** Appends to a file in the container's fs at each write, so a crash loses nothing already written. */
    static Sink file(VirtualFs fs, String path, Supplier<Instant> now) {
        return text -> fs.append(path, text, now.get());
    }

    /**
     * Collects output (pipes, command substitution): only for as long as the next command takes to
     * read it, so it need not be held in the container's memory, but it must fit in what is left of it.
     */
    static final class Buffer implements Sink {
        final StringBuilder text = new StringBuilder();
        private final Memory memory;

        Buffer(Memory memory) {
            this.memory = memory;
        }

        @Override
        public void write(String s) {
            memory.room((long) text.length() + s.length());
            text.append(s);
        }
    }

    Io withOut(Sink s) {
        return new Io(s, err, stdin);
    }

    Io withErr(Sink s) {
        return new Io(out, s, stdin);
    }

    Io withStdin(String s) {
        return new Io(out, err, s);
    }
}
