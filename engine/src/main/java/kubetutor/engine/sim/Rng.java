package kubetutor.engine.sim;

/**
 * The session's one source of randomness (name suffixes, IPs, jitter): SplitMix64 from a seed, so
 * the same seed gives the same cluster. Its state is a single long, which makes snapshots trivial.
 */
public final class Rng {
    /** The alphabet of generated name suffixes (apiserver names.SimpleNameGenerator): no vowels, no 0/1/3. */
    public static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform int in [0, bound). */
    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** {@code length} characters of the generated-name alphabet, as the API server's generateName does. */
    public String suffix(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(NAME_ALPHABET.charAt(nextInt(NAME_ALPHABET.length())));
        }
        return sb.toString();
    }

    public long state() {
        return state;
    }

    public void restore(long state) {
        this.state = state;
    }
}
