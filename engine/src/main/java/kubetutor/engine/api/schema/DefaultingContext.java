package kubetutor.engine.api.schema;

/** What defaulting needs from the engine: its seeded generator, so generated names are reproducible. */
public interface DefaultingContext {

    /** {@code n} characters of the generated-name alphabet ({@code bcdfghjklmnpqrstvwxz2456789}). */
    String randomSuffix(int n);
}
