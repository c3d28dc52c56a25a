package kubetutor.engine.session;

import kubetutor.engine.command.UsageException;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sessionlog.MarkdownTranscript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code transcript FILE}: the session so far, as Markdown, into the workspace. */
final class Transcripts {
    private Transcripts() {}

    static int save(Session session, List<String> args, Sink sink) {
        if (args.isEmpty()) {
            throw new UsageException("transcript: missing file operand (for example 'transcript class.md')");
        }
        String name = args.get(0);
        Path file = session.resolve(name);
        if (file == null) {
            sink.emit(Output.Error.of("transcript: " + name + " is outside the workspace"));
            return 1;
        }
        var entries = session.transcript().entries();
        String title = session.tutor().place().map(p -> "kubetutor: lesson " + p.id()).orElse("kubetutor session");
        try {
            Files.writeString(file, MarkdownTranscript.render(title, entries, session.transcript().dropped()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            sink.emit(Output.Error.of("transcript: cannot write " + name + ": " + e.getMessage()));
            return 1;
        }
        sink.emit(Output.Text.message("Saved " + entries.size() + (entries.size() == 1 ? " command" : " commands")
                + " and their output to " + name + " (Markdown)."));
        return 0;
    }
}
