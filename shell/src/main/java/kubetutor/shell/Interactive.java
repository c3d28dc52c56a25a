package kubetutor.shell;

import kubetutor.engine.session.Session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/** The interactive shell. (First version: reads lines as batch mode does; the JLine REPL replaces it.) */
final class Interactive {
    private Interactive() {}

    static int start(Session session, boolean noColor) throws IOException {
        return new Batch(session, System.out, System.err).runScript(new BufferedReader(new InputStreamReader(System.in)));
    }
}
