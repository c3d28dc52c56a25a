package kubetutor.shell;

import kubetutor.engine.output.Output;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * kubectl's help pages on terminals of several widths. The pages in {@code helpwrap/} are the real
 * kubectl 1.32's output (see the README there): piped, and on terminals 85, 105 and 130 wide.
 */
class HelpWrapTest {

    @ParameterizedTest(name = "{0} on a terminal {1} wide looks as on one {2} wide")
    @CsvSource({
            // page,  terminal width, the capture it must equal ("piped": kubectl does not wrap)
            "get,      60, piped",
            "get,      79, piped",
            "get,      80, 85",
            "get,      85, 85",
            "get,      99, 85",
            "get,     100, 105",
            "get,     105, 105",
            "get,     119, 105",
            "get,     120, 130",
            "get,     130, 130",
            "get,     200, 130",
            "run,      60, piped",
            "run,      85, 85",
            "run,     105, 105",
            "run,     130, 130",
            "run,     200, 130",
            "kubectl,  60, piped",
            "kubectl,  85, 85",
            "kubectl, 105, 105",
            "kubectl, 130, 130",
            "options,  60, piped",
            "options,  85, 85",
            "options, 105, 105",
            "options, 130, 130",
            "options, 200, 130",
            "config,   79, piped",
            "config,   85, 85",
            "config,  105, 105",
            "config,  130, 130",
    })
    void pageOnATerminalIsWhatKubectlPrintsThere(String page, int width, String capture) {
        String piped = page(page + ".txt");
        String expected = capture.equals("piped") ? piped : page(page + "." + capture + ".txt");
        assertEquals(expected, HelpWrap.wrap(piped, width));
    }

    @ParameterizedTest(name = "terminal {0} wide: wrap at {1}")
    @CsvSource({"0, 0", "79, 0", "80, 80", "99, 80", "100, 100", "119, 100", "120, 120", "500, 120"})
    void kubectlWrapsInSteps(int width, int limit) {
        assertEquals(limit, HelpWrap.limit(width));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // text (\n newline, \t tab)     | limit | wrapped (quoted where spaces lead)
            "one two three                    | 7     | one two\\nthree",
            "one  two                         | 8     | one  two",
            "an overlongword here             | 5     | an\\noverlongword\\nhere",
            "'  indented words go on'         | 10    | '  indented\\nwords go\\non'",
            "ends in spaces   \\nnext         | 14    | ends in spaces\\nnext",
            "ends in spaces   \\nnext         | 20    | ends in spaces   \\nnext",
            "\\tab counts as one              | 8     | \\tab\\ncounts\\nas one",
    })
    void wordsBreakAtSpacesOnly(String text, int limit, String wrapped) {
        assertEquals(unescape(wrapped), HelpWrap.words(unescape(text), limit));
    }

    @Test
    void onlyHelpTextWrapsAndOnlyOnATerminal() {
        String long90 = "word ".repeat(18).trim();
        Output help = new Output.Text(long90 + "\n", Output.TextKind.HELP);
        Output message = new Output.Text(long90 + "\n", Output.TextKind.MESSAGE);
        String at80 = "word ".repeat(16).trim() + "\nword word\n";
        assertEquals(at80, new Renderer(false, () -> 85).render(help));
        assertEquals(at80, new Renderer(true, () -> 85).render(help));
        assertEquals(long90 + "\n", new Renderer(true, () -> 85).render(message));
        assertEquals(long90 + "\n", new Renderer(true, () -> 0).render(help));
        assertEquals(long90 + "\n", new Renderer(true).render(help));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }

    private static String page(String name) {
        try (InputStream in = HelpWrapTest.class.getResourceAsStream("/helpwrap/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource helpwrap/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
