package kubetutor.engine.kubectl.jsonpath;

/** A template that does not parse, or that fails on the object it is executed on; the message is client-go's. */
public final class JsonPathException extends Exception {
    public JsonPathException(String message) {
        super(message, null, false, false);
    }
}
