package kubetutor.engine.kubectl.describe;

import kubetutor.engine.api.ResourceQuantity;

/**
 * A resource.Quantity as describe prints it (and as kubectl set resources sends it): parsed from the API's string, added up, and written
 * back in the canonical form (largest exact suffix of its format: "1500m", "2", "240Mi", "100M").
 * Like Go's Add, a sum takes the format of its first non-zero term; a sum is kept as Go's inf.Dec.
 */
record Quantity(ResourceQuantity q) {
    static final Quantity ZERO = new Quantity(ResourceQuantity.ZERO);

    /** ParseQuantity's value and format; what the API server refused never gets here, and reads as zero. */
    static Quantity parse(String s) {
        return new Quantity(ResourceQuantity.parseOrZero(s));
    }

    java.math.BigDecimal value() {
        return q.amount();
    }

    boolean isZero() {
        return q.signum() == 0;
    }

    Quantity plus(Quantity other) {
        return new Quantity(new ResourceQuantity(q.amount().add(other.q.amount()), isZero() ? other.q.format() : q.format(), true));
    }

    /** Quantity.MilliValue(): thousandths, rounded up, overflowing as Go's does. */
    long milliValue() {
        return q.milliValue();
    }

    /** Quantity.Value(): whole units, rounded up, overflowing as Go's does. */
    long wholeValue() {
        return q.value();
    }

    @Override
    public String toString() {
        return q.toString();
    }
}
