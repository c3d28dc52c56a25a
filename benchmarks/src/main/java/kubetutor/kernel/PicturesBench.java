package kubetutor.kernel;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.output.Timeline;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pictures' figures ({@code benchmarks/run pictures}): the bytes a notebook receives for the
 * timeline of a 10-replica rolling update and for the cluster map (the SVG in text/html, and the
 * text drawing beside it), the updates a watched map sends through a node failure, and how long a
 * timeline of 1,000 pods takes to draw as SVG and as text. It sits in the kernel's package to use
 * the kernel's own renderer, exactly as a cell does.
 */
public final class PicturesBench {
    private PicturesBench() {}

    public static void main(String[] args) throws Exception {
        Session session = new Session(new SessionOptions(1, null, Files.createTempDirectory("kubetutor-bench")));
        CellRunner runner = new CellRunner(session, () -> "d");
        runner.run("""
                kubectl create deployment web --image=gasbugs/http-go:v1 --replicas=10
                kubectl patch deploy web -p '{"spec": {"minReadySeconds": 10, "strategy": {"rollingUpdate": {"maxSurge": "25%"}}}}'
                sleep 30
                kubectl set image deploy web http-go=gasbugs/http-go:v2
                sleep 90
                """, o -> { });
        print("10-replica rolling update, timeline", display(runner, "timeline deploy/web"));
        print("cluster map, 3 nodes, 10 pods     ", display(runner, "cluster"));

        List<KernelOutput> watch = new ArrayList<>();
        long t = System.nanoTime();
        runner.run("node stop worker2\ncluster -w --timeout 7m", watch::add);
        long updates = watch.stream().filter(o -> o instanceof KernelOutput.Display d && d.update()).count();
        System.out.printf("cluster -w --timeout 7m through a node failure: 1 display + %d update(s) in %.0f ms of wall time%n",
                updates, (System.nanoTime() - t) / 1e6);

        Output big = new Output.TimelineOutput(thousandPods());
        long svgBytes = PictureSvg.html(big).length();
        long[] svg = time(() -> PictureSvg.html(big));
        long[] text = time(() -> PlainText.render(big));
        System.out.printf("1,000-pod timeline: SVG median %.1f ms (p90 %.1f ms, %,d chars), text median %.1f ms (p90 %.1f ms)%n",
                svg[0] / 1e6, svg[1] / 1e6, svgBytes, text[0] / 1e6, text[1] / 1e6);
    }

    private static KernelOutput.Display display(CellRunner runner, String cell) {
        List<KernelOutput> outputs = new ArrayList<>();
        runner.run(cell, outputs::add);
        return (KernelOutput.Display) outputs.get(0);
    }

    private static void print(String what, KernelOutput.Display d) {
        System.out.printf("%s: text/html (SVG) %,d bytes, text/plain %,d bytes%n", what,
                d.text("text/html").getBytes(StandardCharsets.UTF_8).length, d.text("text/plain").getBytes(StandardCharsets.UTF_8).length);
    }

    /** 100 rollouts' worth of pods: each pending 2s, not ready 3s, ready 40s, terminating 5s, one revision per 10. */
    private static Timeline thousandPods() {
        List<Timeline.Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long start = i * 3L;
            rows.add(new Timeline.Row(String.format("web-%04d", i), "worker" + (1 + i % 2), 1 + i / 10, List.of(
                    new Timeline.Span(start, start + 2, Timeline.State.PENDING),
                    new Timeline.Span(start + 2, start + 5, Timeline.State.NOT_READY),
                    new Timeline.Span(start + 5, start + 45, Timeline.State.READY),
                    new Timeline.Span(start + 45, start + 50, Timeline.State.TERMINATING))));
        }
        List<Timeline.Step> steps = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            steps.add(new Timeline.Step(i * 15L, "Scaled up replica set web-" + i + " from 0 to 10"));
        }
        return new Timeline("deployment.apps/web", "2026-01-05T09:00:00Z", 3050, rows, steps, 0);
    }

    private static long[] time(Runnable r) {
        for (int i = 0; i < 20; i++) {
            r.run();
        }
        long[] nanos = new long[30];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            r.run();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return new long[] {nanos[nanos.length / 2], nanos[nanos.length * 9 / 10]};
    }
}
