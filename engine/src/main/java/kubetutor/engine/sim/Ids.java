package kubetutor.engine.sim;

import java.util.HexFormat;

/**
 * Identifiers the API server hands out: uids and generated-name suffixes, each from a stream of its
 * own, so that an event recorded (a uid) never changes the name the next pod gets.
 */
public final class Ids {
    private final Rng root;
    private final Rng names;
    private final Rng sliceUids;
    private Rng uids;

    public Ids(Rng root) {
        this.root = root;
        this.uids = root.fork("apiserver/uids");
        this.names = root.fork("apiserver/names");
        this.sliceUids = root.fork("apiserver/uids/endpointslices");
    }

    /** A version-4-shaped UUID. */
    public String uid() {
        return uuid(uids);
    }

    /**
     * The uid of a new object of {@code kind}. EndpointSlices come and go with every pod of every
     * Service, so theirs come from a stream of their own: their churn shifts no other object's uid.
     */
    public String uid(String kind) {
        return kind.equals("EndpointSlice") ? uuid(sliceUids) : uid();
    }

    /**
     * Runs {@code writes} with the uids drawn from the stream named {@code stream}: objects a
     * release adds to the cluster's set-up then leave the uids of everything made after unchanged.
     */
    public void drawingUidsFrom(String stream, Runnable writes) {
        Rng before = uids;
        uids = root.fork(stream);
        try {
            writes.run();
        } finally {
            uids = before;
        }
    }

    /** A version-4-shaped UUID from {@code rng} (a node's boot ID comes from its kubelet's stream). */
    public static String uuid(Rng rng) {
        long hi = rng.nextLong();
        long lo = rng.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        String h = HexFormat.of().toHexDigits(hi) + HexFormat.of().toHexDigits(lo);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }

    public String suffix(int length) {
        return names.suffix(length);
    }
}
