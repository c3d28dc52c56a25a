package kubetutor.engine.container.sh;

/** An expansion error (bad arithmetic, bad number): ash prints it and a script shell exits with 2. */
final class ShellError extends RuntimeException {
    ShellError(String message) {
        super(message);
    }
}
