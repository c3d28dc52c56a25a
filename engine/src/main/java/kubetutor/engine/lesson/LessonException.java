package kubetutor.engine.lesson;

/** A lesson file that cannot be used, with where the problem is. */
public final class LessonException extends Exception {
    public LessonException(String message) {
        super(message);
    }
}
