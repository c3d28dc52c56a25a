package kubetutor.engine.kubectl.diff;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hunks as GNU diff -u prints them (checked against diffutils 3.x on the same inputs). */
class UnifiedDiffTest {
    private static List<String> numbered(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "l" + i).toList();
    }

    private static List<String> replaced(List<String> lines, int line, String with) {
        List<String> copy = new java.util.ArrayList<>(lines);
        copy.set(line - 1, with);
        return copy;
    }

    @Test
    void sameTextsHaveNoHunks() {
        assertEquals("", UnifiedDiff.hunks(numbered(5), numbered(5)));
    }

    @Test
    void aChangeGetsThreeLinesOfContextEachSide() {
        assertEquals("@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+x\n l6\n l7\n l8\n",
                UnifiedDiff.hunks(numbered(10), replaced(numbered(10), 5, "x")));
    }

    @Test
    void changesSixUnchangedLinesApartShareAHunkAndSevenApartDoNot() {
        List<String> six = replaced(replaced(numbered(20), 3, "x"), 10, "y");
        assertEquals(1, UnifiedDiff.hunks(numbered(20), six).split("@@ -").length - 1);
        List<String> seven = replaced(replaced(numbered(20), 3, "x"), 11, "y");
        assertEquals("@@ -1,6 +1,6 @@\n l1\n l2\n-l3\n+x\n l4\n l5\n l6\n@@ -8,7 +8,7 @@\n l8\n l9\n l10\n-l11\n+y\n l12\n l13\n l14\n",
                UnifiedDiff.hunks(numbered(20), seven));
    }

    @Test
    void aNewFileIsOneHunkFromLineZero() {
        assertEquals("@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.hunks(List.of(), List.of("a", "b")));
        assertEquals("@@ -1 +1 @@\n-a\n+b\n", UnifiedDiff.hunks(List.of("a"), List.of("b")));
    }
}
