package kubetutor.engine.podlife;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.output.Timeline.State;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers the life of every pod a controller owns (when it was created, scheduled, became ready
 * or not, started terminating, was gone) and the Deployment controller's scaling steps, from the
 * store's watch as an informer would see them. The store keeps only the present; a timeline needs
 * the past. It is rebuilt by a snapshot's replay like everything else, so it is not saved.
 * <p>
 * Bounded: at most {@link #PODS_PER_OWNER} pods and {@link #STEPS_PER_OWNER} steps per owner and
 * {@link #OWNERS} owners; the oldest go first, and how many went is counted so a timeline can say so.
 */
public final class PodLifeRecorder {
    static final int PODS_PER_OWNER = 500;
    static final int STEPS_PER_OWNER = 500;
    static final int OWNERS = 200;
    private static final String REVISION = "deployment.kubernetes.io/revision";

    /** A pod's state (and node) from {@code at} on. */
    public record Change(Instant at, State state, String node) {}

    /** One pod's life so far; {@code gone} is null while it is in the store. */
    public static final class Life {
        private final String name;
        private final String templateHash;
        private final List<Change> changes = new ArrayList<>();
        private Instant gone;

        Life(String name, String templateHash) {
            this.name = name;
            this.templateHash = templateHash;
        }

        public String name() {
            return name;
        }

        public String templateHash() {
            return templateHash;
        }

        public List<Change> changes() {
            return List.copyOf(changes);
        }

        public Instant gone() {
            return gone;
        }
    }

    /** A scaling step, as the controller's event said it. */
    public record Step(Instant at, String message) {}

    /** A replica set the recorder has seen: its owner (a Deployment's uid, or null) and latest revision. */
    public record ReplicaSetInfo(String name, String ownerUid, int revision) {}

    /** What the recorder keeps about one owner (a replica set, a replication controller, or a Deployment's steps). */
    private static final class Owner {
        final Deque<Life> pods = new ArrayDeque<>();
        final Deque<Step> steps = new ArrayDeque<>();
        int droppedPods;
    }

    private final Supplier<Instant> clock;
    private final Map<String, Owner> owners = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Owner> eldest) {
            return size() > OWNERS;
        }
    };
    private final Map<String, Life> live = new LinkedHashMap<>();
    private final Map<String, ReplicaSetInfo> replicaSets = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReplicaSetInfo> eldest) {
            return size() > OWNERS * 4;
        }
    };

    public PodLifeRecorder(ApiStore store, Supplier<Instant> clock) {
        this.clock = clock;
        store.watch(this::observe);
    }

    private void observe(WatchEvent e) {
        if (e.resource() == ResourceTypes.POD) {
            pod(e);
        } else if (e.resource() == ResourceTypes.REPLICA_SET && e.type() != WatchEvent.Type.DELETED) {
            JsonNode owner = Meta.controllerRef(e.object());
            String revision = Meta.annotations(e.object()).getOrDefault(REVISION, "0");
            replicaSets.put(Meta.uid(e.object()), new ReplicaSetInfo(Meta.name(e.object()),
                    owner == null ? null : owner.path("uid").asText(), parseRevision(revision)));
        } else if (e.resource() == ResourceTypes.EVENT && e.type() != WatchEvent.Type.DELETED
                && e.object().path("reason").asText().equals("ScalingReplicaSet")) {
            String uid = e.object().path("involvedObject").path("uid").asText();
            Owner owner = owners.computeIfAbsent(uid, u -> new Owner());
            owner.steps.addLast(new Step(clock.get(), e.object().path("message").asText()));
            if (owner.steps.size() > STEPS_PER_OWNER) {
                owner.steps.removeFirst();
            }
        }
    }

    private void pod(WatchEvent e) {
        String uid = Meta.uid(e.object());
        if (e.type() == WatchEvent.Type.DELETED) {
            Life life = live.remove(uid);
            if (life != null) {
                life.gone = clock.get();
            }
            return;
        }
        Life life = live.get(uid);
        if (life == null) {
            JsonNode ref = Meta.controllerRef(e.object());
            if (ref == null) {
                return; // a bare pod has no rollout to be part of
            }
            life = new Life(Meta.name(e.object()), Meta.labels(e.object()).getOrDefault("pod-template-hash", ""));
            Owner owner = owners.computeIfAbsent(ref.path("uid").asText(), u -> new Owner());
            owner.pods.addLast(life);
            if (owner.pods.size() > PODS_PER_OWNER) {
                live.values().remove(owner.pods.removeFirst());
                owner.droppedPods++;
            }
            live.put(uid, life);
        }
        State state = stateOf(e.object());
        String node = e.object().path("spec").path("nodeName").asText("");
        Change last = life.changes.isEmpty() ? null : life.changes.get(life.changes.size() - 1);
        if (last == null || last.state() != state || !last.node().equals(node)) {
            life.changes.add(new Change(clock.get(), state, node));
        }
    }

    /** The state a timeline shows for a pod object. */
    static State stateOf(JsonNode pod) {
        if (Meta.isTerminating(pod)) {
            return State.TERMINATING;
        }
        String phase = pod.path("status").path("phase").asText("Pending");
        if (phase.equals("Pending") || phase.isEmpty()) {
            return State.PENDING;
        }
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText().equals("True") ? State.READY : State.NOT_READY;
            }
        }
        return State.NOT_READY;
    }

    private static int parseRevision(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The pods an owner had (the oldest first), as far as the recorder kept them. */
    public List<Life> pods(String ownerUid) {
        Owner o = owners.get(ownerUid);
        return o == null ? List.of() : List.copyOf(o.pods);
    }

    /** How many of an owner's pods the recorder let go of. */
    public int droppedPods(String ownerUid) {
        Owner o = owners.get(ownerUid);
        return o == null ? 0 : o.droppedPods;
    }

    public List<Step> steps(String ownerUid) {
        Owner o = owners.get(ownerUid);
        return o == null ? List.of() : List.copyOf(o.steps);
    }

    /** The replica sets a Deployment owned, as far as the recorder saw them (deleted ones too), oldest first. */
    public List<Map.Entry<String, ReplicaSetInfo>> replicaSetsOf(String deploymentUid) {
        List<Map.Entry<String, ReplicaSetInfo>> out = new ArrayList<>();
        for (Map.Entry<String, ReplicaSetInfo> e : replicaSets.entrySet()) {
            if (deploymentUid.equals(e.getValue().ownerUid())) {
                out.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        return out;
    }
}
