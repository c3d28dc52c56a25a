package kubetutor.shell;

import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.output.Style;
import kubetutor.engine.output.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RendererTest {
    private static final Output PODS = new Output.TableOutput(new Table(
            List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
            List.of(List.of(Cell.plain("nginx"), Cell.plain("1/1"), new Cell("Running", Style.OK), Cell.plain("0"), Cell.plain("5s")),
                    List.of(Cell.plain("web-7d9c"), Cell.plain("0/1"), new Cell("ContainerCreating", Style.PROGRESS),
                            Cell.plain("0"), Cell.plain("1s")),
                    List.of(Cell.plain("bad"), Cell.plain("0/1"), new Cell("ErrImagePull", Style.ERROR), Cell.plain("0"),
                            new Cell("3s", Style.DIM)))));

    @Test
    void colouredTableIsThePlainTableWithColourAroundCells() {
        String coloured = new Renderer(true).render(PODS);
        assertEquals("""
                \u001b[1mNAME\u001b[0m       \u001b[1mREADY\u001b[0m   \u001b[1mSTATUS\u001b[0m              \u001b[1mRESTARTS\u001b[0m   \u001b[1mAGE\u001b[0m
                nginx      1/1     \u001b[32mRunning\u001b[0m             0          5s
                web-7d9c   0/1     \u001b[33mContainerCreating\u001b[0m   0          1s
                bad        0/1     \u001b[31mErrImagePull\u001b[0m        0          \u001b[2m3s\u001b[0m
                """, coloured);
        assertEquals(PlainText.render(PODS), Ansi.strip(coloured));
    }

    @Test
    void withoutColourEveryOutputIsPlainText() {
        Renderer plain = new Renderer(false);
        for (Output o : List.of(PODS, Output.Error.of("Error from server (NotFound): pods \"x\" not found"),
                Output.Text.message("pod/nginx created"))) {
            assertEquals(PlainText.render(o), plain.render(o));
        }
    }

    @Test
    void errorsAreRedLineByLineAndInformationIsNot() {
        Renderer r = new Renderer(true);
        assertEquals("\u001b[31msh: kubctl: not found\u001b[0m\n\u001b[31mDid you mean kubectl?\u001b[0m\n",
                r.render(Output.Error.of("sh: kubctl: not found\nDid you mean kubectl?")));
        assertEquals("No resources found in default namespace.\n",
                r.render(Output.Error.info("No resources found in default namespace.")));
    }

    @Test
    void headerlessWatchRowsAlignAsPlain() {
        Output row = new Output.TableOutput(new Table(List.of(), List.of(
                List.of(Cell.plain("nginx"), Cell.plain("0/1"), new Cell("Pending", Style.PROGRESS), Cell.plain("0"), Cell.plain("0s")))));
        assertEquals("nginx   0/1   Pending   0     0s\n", Ansi.strip(new Renderer(true).render(row)));
        assertEquals(PlainText.render(row), Ansi.strip(new Renderer(true).render(row)));
    }

    @Test
    void lessonTextStandsApartInColourAndStaysAsWrittenWithout() {
        Output body = new Output.Text("Ask for the `nodes`:\n\n  $ kubectl get nodes\n\u2717 pod web is not Running yet\n",
                Output.TextKind.LESSON);
        assertEquals("Ask for the \u001b[36mnodes\u001b[0m:\n\n  \u001b[2m$\u001b[0m \u001b[1mkubectl get nodes\u001b[0m\n"
                + "\u001b[31m\u2717 pod web is not Running yet\u001b[0m\n", new Renderer(true).render(body));
        assertEquals(PlainText.render(body), new Renderer(false).render(body));
        Output title = new Output.Text("Step 1/6: The cluster\n", Output.TextKind.LESSON_TITLE);
        assertEquals("\u001b[1m\u001b[36mStep 1/6: The cluster\u001b[0m\n", new Renderer(true).render(title));
    }

    @Test
    void aPresentersHeadingIsBoxedAcrossTheTerminal() {
        Output title = new Output.Text("단계 2/13: 스케일링\n", Output.TextKind.LESSON_TITLE);
        assertEquals("""

                ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
                ┃                                ┃
                ┃      단계 2/13: 스케일링       ┃
                ┃                                ┃
                ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛
                """, new Renderer(false, () -> 35, () -> true).render(title));
        assertEquals("단계 2/13: 스케일링\n", new Renderer(false, () -> 35, () -> false).render(title), "only while presenting");
    }
}
