package kubetutor.engine.lesson;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkupTest {
    private static Markup.Span plain(String s) {
        return new Markup.Span(s, false);
    }

    private static Markup.Span code(String s) {
        return new Markup.Span(s, true);
    }

    @Test
    void codeSpansBetweenBackticks() {
        assertEquals(List.of(plain("control-plane node ("), code("master"), plain(") runs")),
                Markup.spans("control-plane node (`master`) runs"));
        assertEquals(List.of(code("-o wide"), plain(" adds "), code("IP")), Markup.spans("`-o wide` adds `IP`"));
    }

    @Test
    void commandLinesStartWithADollarSign() {
        assertEquals("kubectl get nodes", Markup.command("  $ kubectl get nodes"));
        assertEquals("cat pod.yaml", Markup.command("$ cat pod.yaml"));
        assertEquals(null, Markup.command("costs $ 5"));
        assertEquals(null, Markup.command("  $kubectl"));
    }

    @Test
    void anUnpairedBacktickStaysText() {
        assertEquals(List.of(plain("a "), code("b"), plain(" c ` d")), Markup.spans("a `b` c ` d"));
        assertEquals(List.of(plain("no code")), Markup.spans("no code"));
        assertEquals(List.of(), Markup.spans(""));
    }
}
