package kubetutor.bench;

import kubetutor.engine.fuzz.HostileCorpus;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 18's figures. {@code corpus DIR} writes the regression corpus to DIR (its files, and
 * corpus.sh with every entry) for benchmarks/hostile to run through the launcher and measure its
 * peak memory. {@code limits} times, in one session, what the API server's limits decide: a 50 MB
 * manifest refused, a 10 MB annotation refused, a manifest just under 3 MiB accepted.
 */
final class Hostile {
    private Hostile() {}

    static void main(String[] args) throws Exception {
        if (args.length > 2 && args[1].equals("corpus")) {
            corpus(Path.of(args[2]));
        } else {
            limits();
        }
    }

    private static void corpus(Path dir) throws Exception {
        Files.createDirectories(dir);
        StringBuilder script = new StringBuilder();
        for (HostileCorpus.Entry e : HostileCorpus.load()) {
            e.writeFiles(dir);
            script.append(e.script());
        }
        Files.writeString(dir.resolve("corpus.sh"), script);
    }

    private static void limits() throws Exception {
        Path ws = Files.createTempDirectory("kubetutor-limits");
        Files.writeString(ws.resolve("m50.yaml"), HostileCorpus.pod("annotation", 50_000_000));
        Files.writeString(ws.resolve("a10.yaml"), HostileCorpus.pod("annotation", 10_000_000));
        Files.writeString(ws.resolve("m3.yaml"), HostileCorpus.pod("env", 3 * 1024 * 1024 - 400));
        Session session = new Session(new SessionOptions(1, null, ws));
        time(session, "refuse a 50 MB manifest", "kubectl create -f m50.yaml");
        time(session, "refuse a 10 MB annotation", "kubectl create -f a10.yaml");
        time(session, "accept a 3 MiB manifest", "kubectl create -f m3.yaml");
        for (int i = 0; i < 3; i++) {
            time(session, "again, warm: refuse 50 MB", "kubectl create -f m50.yaml");
        }
        time(session, "again, warm: accept 3 MiB", "kubectl delete pod big --grace-period=0 --force; kubectl create -f m3.yaml");
    }

    private static void time(Session session, String what, String command) {
        StringBuilder out = new StringBuilder();
        long start = System.nanoTime();
        session.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        String last = out.toString().strip();
        last = last.substring(last.lastIndexOf('\n') + 1);
        System.out.printf("%-28s %6.0f ms   %s%n", what, (System.nanoTime() - start) / 1e6, last);
    }
}
