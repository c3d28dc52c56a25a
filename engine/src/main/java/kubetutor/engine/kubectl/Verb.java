package kubetutor.engine.kubectl;

import kubetutor.engine.command.CommandSpec;

/** One kubectl command: its entry in the command table, and what it does. Returns the exit status. */
public interface Verb {
    CommandSpec spec();

    int run(Invocation inv);
}
