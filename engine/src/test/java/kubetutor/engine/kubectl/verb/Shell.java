package kubetutor.engine.kubectl.verb;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** A fresh session (seed 1) typed at in batch mode: each command gives back what kubectl prints, stdout and stderr in order. */
final class Shell {
    final Session session;

    Shell(Path workDir) {
        try {
            session = new Session(SessionOptions.defaults(workDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String run(String command) {
        StringBuilder sb = new StringBuilder();
        session.execute(command, o -> sb.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return sb.toString();
    }

    /** How far the simulated clock moved while {@code command} ran. */
    Duration timeTaken(String command, StringBuilder output) {
        var before = session.now();
        output.append(run(command));
        return Duration.between(before, session.now());
    }
}
