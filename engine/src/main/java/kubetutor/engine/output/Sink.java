package kubetutor.engine.output;

/** Where a command's outputs go, one by one, as they are produced (a watch emits many). */
@FunctionalInterface
public interface Sink {
    void emit(Output output);
}
