package kubetutor.engine.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A session driven as a transcript: each command returns exactly what kubectl prints (stdout and stderr). */
final class Lab {
    final Session session;

    Lab() {
        try {
            session = new Session(SessionOptions.defaults(Path.of(".")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String run(String command) {
        StringBuilder sb = new StringBuilder();
        session.execute(command, o -> sb.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return sb.toString();
    }

    /** Creates a pod from a manifest straight through the API (kubectl create is written elsewhere). */
    void createPod(String yaml) {
        try {
            ObjectNode pod = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(yaml);
            pod.with("metadata").put("namespace", "default");
            session.cluster().api().create(ResourceTypes.POD, pod);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
