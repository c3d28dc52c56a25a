package kubetutor.engine.api;

/**
 * What a delete call says besides the object (metav1.DeleteOptions).
 *
 * @param gracePeriodSeconds seconds, or null for the object's own (a pod's terminationGracePeriodSeconds)
 * @param propagation        what happens to dependents; null for the API server's default (Background)
 * @param preconditions      uid and resourceVersion the object must still have, or null
 * @param dryRun             answer as if deleted, store nothing
 */
public record DeleteOptions(Long gracePeriodSeconds, Propagation propagation, Preconditions preconditions,
                            boolean dryRun) {
    public enum Propagation {
        /** The owner goes at once; the garbage collector deletes the dependents afterwards. */
        Background,
        /** The owner stays (with a foregroundDeletion finalizer) until its blocking dependents are gone. */
        Foreground,
        /** The dependents stay, their ownerReferences to the owner removed (the orphan finalizer). */
        Orphan
    }

    /** Empty fields are not checked. */
    public record Preconditions(String uid, String resourceVersion) {}

    public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, false);

    public static DeleteOptions grace(Long seconds) {
        return new DeleteOptions(seconds, null, null, false);
    }

    public DeleteOptions withPropagation(Propagation p) {
        return new DeleteOptions(gracePeriodSeconds, p, preconditions, dryRun);
    }
}
