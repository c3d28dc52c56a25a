package kubetutor.engine.selector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabelSelectorTest {
    /** Labels: app=web, tier=front, env=prod. */
    private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front", "env", "prod");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "app=web                    | true",
            "app==web                   | true",
            "app!=web                   | false",
            "app!=db                    | true",
            "missing!=x                 | true",
            "app=web,tier=front         | true",
            "app=web,tier=back          | false",
            "app in (web,db)            | true",
            "app in (db)                | false",
            "app notin (db, cache)      | true",
            "env notin (prod)           | false",
            "tier                       | true",
            "!tier                      | false",
            "!owner                     | true",
            "owner                      | false",
            "' app = web , !owner '     | true",
            "''                         | true",
    })
    void matches(String selector, boolean expected) {
        assertEquals(expected, LabelSelector.parse(selector).matches(LABELS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "app in (web                | unable to parse requirement: found '', expected: ',', ')' or identifier",
            "app in web                 | unable to parse requirement: found 'web', expected: '('",
            "app=web tier=x             | found 'tier', expected: ',' or 'end of string'",
            "=web                       | found '=', expected: !, identifier, or 'end of string'",
            "!!                         | unable to parse requirement: found '!', expected: identifier",
            "app=web,                   | found '', expected: identifier after ','",
    })
    void rejects(String selector, String message) {
        SelectorSyntaxException e = assertThrows(SelectorSyntaxException.class, () -> LabelSelector.parse(selector));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"app=web | true", "app=db | false"})
    void fromMap(String pair, boolean expected) {
        Map<String, String> m = new HashMap<>();
        m.put(pair.split("=")[0], pair.split("=")[1]);
        assertEquals(expected, LabelSelector.fromMap(m).matches(LABELS));
    }
}
