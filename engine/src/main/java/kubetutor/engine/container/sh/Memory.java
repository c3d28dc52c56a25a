package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;

/**
 * What the processes of one container hold (shell variables, files they wrote, pipes and output not
 * yet delivered) against what they may: the container's memory limit, and what its node can give,
 * shared with the node's other containers. Past its limit a container meets the OOM killer of its
 * cgroup; past the node's, the kernel's OOM killer picks the container holding most. Either way every
 * process of the victim ends with SIGKILL (the kubelet sets memory.oom.group on cgroup v2), and what
 * it held is free again. The simulated cluster's memory is the tutor's own: this is what keeps a
 * learner's {@code x=$x$x} loop inside it.
 */
public final class Memory {
    private final long limit;
    /** The node's pool this container also counts against; null for a node, or a container alone. */
    private final Memory node;
    private final List<Memory> containers = new ArrayList<>();
    private long used;
    private boolean killed;
    private Runnable onKill = () -> { };

    private Memory(long limit, Memory node) {
        this.limit = limit;
        this.node = node;
    }

    /** A node's memory: the pool its containers share. */
    public static Memory node(long limit) {
        return new Memory(limit, null);
    }

    /** Memory of its own, on no node (the session's pipes). */
    public static Memory alone(long limit) {
        return new Memory(limit, null);
    }

    /** A new container on this node, with its own limit (what the node can give, without one). */
    public Memory container(long containerLimit) {
        Memory m = new Memory(Math.min(containerLimit, limit), this);
        containers.add(m);
        return m;
    }

    /** What the runtime does when the OOM killer takes this container (its main process ends). */
    public void onKill(Runnable action) {
        this.onKill = action;
    }

    public boolean killed() {
        return killed;
    }

    public long used() {
        return used;
    }

    public long limit() {
        return limit;
    }

    /** Something the container holds grew by {@code bytes} (shrank, when negative). */
    void hold(long bytes) {
        if (killed) {
            throw new OomKilled();
        }
        used += bytes;
        if (node != null) {
            node.used += bytes;
        }
        if (used > limit) {
            kill();
            throw new OomKilled();
        }
        if (node != null) {
            node.relieve(this);
        }
    }

    /** Whether {@code bytes} more would fit, for what is built before it is held (a word being expanded). */
    void room(long bytes) {
        if (killed || used + bytes > limit || node != null && node.used + bytes > node.limit) {
            hold(bytes);
            hold(-bytes); // not reached unless another container gave way
        }
    }

    /** The kernel's OOM killer on a node past its memory: the container holding most goes, until it fits. */
    private void relieve(Memory asking) {
        while (used > limit) {
            Memory victim = null;
            for (Memory c : containers) {
                if (!c.killed && (victim == null || c.used > victim.used)) {
                    victim = c;
                }
            }
            if (victim == null) {
                return;
            }
            victim.kill();
            if (victim == asking) {
                throw new OomKilled();
            }
        }
    }

    private void kill() {
        killed = true;
        if (node != null) {
            node.used -= used;
            node.containers.remove(this);
        }
        used = 0;
        onKill.run();
    }

    /** The container is gone (stopped, restarted, its pod deleted): its memory is the node's again. */
    public void release() {
        if (!killed && node != null) {
            node.used -= used;
            node.containers.remove(this);
        }
        used = 0;
    }

    /** Unwinds a process of a container the OOM killer took. */
    static final class OomKilled extends RuntimeException {
        OomKilled() {
            super("OOMKilled", null, false, false);
        }
    }
}
