package kubetutor.engine.output;

/** What a cell or a piece of text means, so that each front end can colour it its own way. */
public enum Style {
    PLAIN,
    /** Running, Ready, Active, Completed: all is well. */
    OK,
    /** Pending, ContainerCreating, Terminating-in-progress kinds of waiting. */
    PROGRESS,
    /** ErrImagePull, CrashLoopBackOff, Error, NotReady. */
    ERROR,
    /** Terminating, gone or going. */
    DIM,
    /** A column header. */
    HEADER
}
