package kubetutor.engine.selector;

/** A selector kubectl cannot parse; the message is apimachinery's. */
public final class SelectorSyntaxException extends RuntimeException {
    public SelectorSyntaxException(String message) {
        super(message, null, false, false);
    }
}
