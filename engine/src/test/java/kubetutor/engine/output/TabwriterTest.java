package kubetutor.engine.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go's tabwriter as kubectl configures it: min width 6, padding 3, last column unpadded. */
class TabwriterTest {
    @Test
    void padsEveryColumnButTheLast() {
        String out = Tabwriter.render(List.of(
                List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                List.of("liveness-exec", "1/1", "Running", "1 (5s ago)", "80s"),
                List.of("http-go", "0/1", "ContainerCreating", "0", "3s")));
        assertEquals("""
                NAME            READY   STATUS              RESTARTS     AGE
                liveness-exec   1/1     Running             1 (5s ago)   80s
                http-go         0/1     ContainerCreating   0            3s
                """, out);
    }

    @Test
    void shortColumnsTakeTheMinimumWidth() {
        assertEquals("a     b\nxy    z\n", Tabwriter.render(List.of(List.of("a", "b"), List.of("xy", "z"))));
    }

    @Test
    void countsCharactersNotBytes() {
        assertEquals("이름    x\n", Tabwriter.render(List.of(List.of("이름", "x"))));
    }
}
