package kubetutor.engine.sim;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The session's randomness (name suffixes, IPs, jitter): SplitMix64 from a seed, so the same seed
 * gives the same cluster. Each component draws from its own stream, forked by name from the seed
 * ({@link #fork}), so that one more draw in the scheduler does not shift every later pod name,
 * IP and uid in every transcript. A stream's state is a single long, which makes snapshots trivial.
 */
public final class Rng {
    /** The alphabet of generated name suffixes (apiserver names.SimpleNameGenerator): no vowels, no 0/1/3. */
    public static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final long seed;
    private long state;
    /** The streams forked from this one, by name; only the root has any. */
    private final Map<String, Rng> forks = new TreeMap<>();

    public Rng(long seed) {
        this.seed = seed;
        this.state = seed;
    }

    /**
     * The stream named {@code name}: the same one on every call. Its seed comes from this stream's
     * seed and the name only, never from draws made so far, so streams do not disturb each other.
     */
    public Rng fork(String name) {
        return forks.computeIfAbsent(name, n -> {
            long h = 0xcbf29ce484222325L;
            for (byte b : n.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * 0x100000001b3L;
            }
            return new Rng(mix(seed ^ h));
        });
    }

    public long nextLong() {
        return mix(state += 0x9E3779B97F4A7C15L);
    }

    private static long mix(long z) {
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

    /**
     * One number for where this stream and all its forks stand: a replay that drew differently
     * anywhere ends with another fingerprint.
     */
    public long fingerprint() {
        long f = mix(state);
        for (Map.Entry<String, Rng> e : forks.entrySet()) {
            f = mix(f ^ e.getKey().hashCode() ^ e.getValue().fingerprint());
        }
        return f;
    }
}
