package kubetutor.engine.session;

import kubetutor.engine.output.Sink;

/** A stage after a session command's "|" (sh filters, xargs): it takes the output, then runs on close. */
interface PipeStage extends Sink {
    /** Runs the stage on what it took, feeding the next one; its status. */
    int close();
}
