package kubetutor.engine.container.sh;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A shell's variables, held in its container's {@link Memory}. A subshell starts from its parent's
 * without copying them, as fork shares pages until they are written: it holds only what it sets
 * itself, and lets go of that when it ends.
 */
final class Vars {
    private final Memory memory;
    private final Vars parent;
    private final Map<String, String> own = new HashMap<>();
    /** Names the parent has that this shell unset. */
    private final Set<String> unset = new HashSet<>();
    private long held;

    Vars(Memory memory, Vars parent) {
        this.memory = memory;
        this.parent = parent;
    }

    String get(String name) {
        String v = own.get(name);
        if (v != null || unset.contains(name) || parent == null) {
            return v;
        }
        return parent.get(name);
    }

    boolean containsKey(String name) {
        return get(name) != null;
    }

    void put(String name, String value) {
        String old = own.get(name);
        long change = (long) value.length() - (old == null ? -name.length() : old.length());
        memory.hold(change);
        held += change;
        own.put(name, value);
        unset.remove(name);
    }

    void putIfAbsent(String name, String value) {
        if (!containsKey(name)) {
            put(name, value);
        }
    }

    void putAll(Map<String, String> values) {
        values.forEach(this::put);
    }

    void remove(String name) {
        String old = own.remove(name);
        if (old != null) {
            long change = -(long) name.length() - old.length();
            memory.hold(change);
            held += change;
        }
        if (parent != null && parent.containsKey(name)) {
            unset.add(name);
        }
    }

    /** The shell ended: what it set is free again. */
    void release() {
        if (held != 0 && !memory.killed()) {
            memory.hold(-held);
        }
        held = 0;
    }
}
