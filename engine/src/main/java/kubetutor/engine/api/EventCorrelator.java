package kubetutor.engine.api;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * client-go's EventCorrelator, which every component's recorder runs an event through before it
 * is written. The aggregator: after ten events of one object, source, type and reason with
 * different messages within ten minutes, the next ones become a single event "(combined from
 * similar events): ..." whose count grows. The spam filter: each source may write 25 events about
 * one object at once, then one per five minutes; the others are dropped (their count still grows,
 * and shows on the next one that gets through). Caches hold 4096 entries, least recently used go.
 */
final class EventCorrelator {
    static final String COMBINED = "(combined from similar events): ";
    private static final int MAX_SIMILAR = 10;
    private static final Duration SIMILAR_WINDOW = Duration.ofMinutes(10);
    private static final int SPAM_BURST = 25;
    private static final double SPAM_REFILL_PER_SECOND = 1.0 / 300;
    private static final int CACHE_SIZE = 4096;

    /** What makes two events the same event; a combined event has no field path and no message of its own. */
    record Key(String uid, String fieldPath, EventRecorder.Source source, String eventType, String reason, String message) {}

    /** The event to write (under {@code key}, with {@code message}), or a dropped one. */
    record Result(Key key, String message, boolean dropped) {}

    private record SimilarKey(String uid, EventRecorder.Source source, String eventType, String reason) {}

    private record SpamKey(String uid, EventRecorder.Source source) {}

    private static final class Similar {
        final Set<String> messages = new HashSet<>();
        Instant last;
    }

    private static final class Bucket {
        double tokens = SPAM_BURST;
        Instant refilled;
    }

    private final Map<SimilarKey, Similar> similar = lru();
    private final Map<SpamKey, Bucket> buckets = lru();

    /** A map that keeps the 4096 entries used last, as client-go's caches do. */
    static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }

    Result correlate(String uid, String fieldPath, EventRecorder.Source source, String eventType, String reason,
                     String message, Instant now) {
        SimilarKey sk = new SimilarKey(uid, source, eventType, reason);
        Similar s = similar.get(sk);
        if (s == null || Duration.between(s.last, now).compareTo(SIMILAR_WINDOW) > 0) {
            s = new Similar();
            similar.put(sk, s);
        }
        s.last = now;
        s.messages.add(message);
        Key key;
        String text;
        if (s.messages.size() < MAX_SIMILAR) {
            key = new Key(uid, fieldPath, source, eventType, reason, message);
            text = message;
        } else {
            // Kept at the limit: the set forgets one message, as the real one pops any.
            s.messages.remove(s.messages.iterator().next());
            key = new Key(uid, null, source, eventType, reason, null);
            text = COMBINED + message;
        }
        return new Result(key, text, !allow(new SpamKey(uid, source), now));
    }

    private boolean allow(SpamKey key, Instant now) {
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket());
        if (b.refilled != null) {
            double seconds = Duration.between(b.refilled, now).toNanos() / 1e9;
            b.tokens = Math.min(SPAM_BURST, b.tokens + seconds * SPAM_REFILL_PER_SECOND);
        }
        b.refilled = now;
        if (b.tokens < 1) {
            return false;
        }
        b.tokens -= 1;
        return true;
    }
}
