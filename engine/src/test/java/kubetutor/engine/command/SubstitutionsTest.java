package kubetutor.engine.command;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Command substitution as sh does it: where the output goes, and how unquoted output splits into words. */
class SubstitutionsTest {
    /** What each inner command "prints" in these rows. */
    private static final Map<String, String> OUTPUTS = Map.of(
            "one", "pod/web\n",
            "two", "a b\n\n",
            "none", "",
            "blank", "  x  \n");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "echo $(one)                   | echo,pod/web",
            "echo $(two)                   | echo,a,b",
            "echo \"$(two)\"                 | echo,a b",
            "echo x$(two)y                 | echo,xa,by",
            "echo $(none) end              | echo,end",
            "echo \"$(none)\" end            | echo,,end",
            "echo a$(blank)b               | echo,a,x,b",
            "echo '$(one)'                 | echo,$(one)",
            "echo \\$(one)                 | echo,$(one)",
            "echo $(echo (nested) one)     | echo,<echo,(nested),one>",
    })
    void expands(String line, String expected) {
        List<String> words = Words.split(line).words();
        List<String> got = Substitutions.expand(words, inner -> OUTPUTS.getOrDefault(inner, "<" + inner + ">"));
        assertEquals(Arrays.asList(expected.split(",", -1)), got);
    }
}
