package kubetutor.engine.sim;

/** Identifiers the cluster hands out (uids, generated-name suffixes), all from the seeded generator. */
public final class Ids {
    private final Rng rng;

    public Ids(Rng rng) {
        this.rng = rng;
    }

    /** A version-4-shaped UUID. */
    public String uid() {
        long hi = rng.nextLong();
        long lo = rng.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        String h = java.util.HexFormat.of().toHexDigits(hi) + java.util.HexFormat.of().toHexDigits(lo);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }

    public String suffix(int length) {
        return rng.suffix(length);
    }

    public Rng rng() {
        return rng;
    }
}
