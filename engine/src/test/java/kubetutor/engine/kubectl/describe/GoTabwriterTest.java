package kubetutor.engine.kubectl.describe;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go text/tabwriter (minwidth 0, padding 2): inputs with \t, and what Flush writes. */
class GoTabwriterTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one block aligns                 | a:\\t1\\nlong key:\\t2\\n              | a:         1\\nlong key:  2\\n
            a tab-less line ends the block   | a:\\t1\\nIPs:\\n  IP:\\t2\\n        | a:  1\\nIPs:\\n  IP:  2\\n
            nested columns align per block   | x\\ty\\tz\\nlong\\ty\\n             | x     y  z\\nlong  y\\n
            trailing cell is never padded    | k:\\tv \\nkk:\\tw \\n              | k:   v \\nkk:  w \\n
            empty cell keeps its column      | a\\tb\\t\\tc\\naa\\tb\\t\\tc\\n       | a   b    c\\naa  b    c\\n
            """)
    void formats(String name, String input, String expected) {
        assertEquals(unescape(expected), GoTabwriter.format(unescape(input)));
    }

    private static String unescape(String s) {
        return s.replace("\\t", "\t").replace("\\n", "\n");
    }
}
