package kubetutor.engine.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Go's encoding/json syntax errors, word for word: each expected message is what kubectl 1.32
 * printed for the same text (kubectl patch --local --type=json hands it to json.Unmarshal).
 */
class GoJsonTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {bad          | invalid character 'b' looking for beginning of object key string
            {"a" 1}       | invalid character '1' after object key
            {"a":1 "b":2} | invalid character '"' after object key:value pair
            {"a":"\\x"}   | invalid character 'x' in string escape code
            {"a":tru}     | invalid character '}' in literal true (expecting 'e')
            {"a":nul}     | invalid character '}' in literal null (expecting 'l')
            {"a":01}      | invalid character '1' after object key:value pair
            {"a":1.}      | invalid character '}' after decimal point in numeric literal
            {"a":-}       | invalid character '}' in numeric literal
            {"a":1e}      | invalid character '}' in exponent of numeric literal
            {"a":[1,]}    | invalid character ']' looking for beginning of value
            {"a":[1 2]}   | invalid character '2' after array element
            {"a":1}x      | invalid character 'x' after top-level value
            {"a":"\\u12"} | invalid character '"' in \\u hexadecimal character escape
            {'a':1}       | invalid character '\\'' looking for beginning of object key string
            {"a":}        | invalid character '}' looking for beginning of value
            {"a":1,}      | invalid character '}' looking for beginning of object key string
            {,}           | invalid character ',' looking for beginning of object key string
            {             | unexpected end of JSON input
            {"a":"b       | unexpected end of JSON input
            """)
    void syntaxErrorsAreGos(String text, String expected) {
        assertEquals(expected, GoJson.syntaxError(text).orElse("(valid)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a":"x\\ty"}         | (valid)
            [1.5e+3, -0.25, true] | (valid)
            {"a":{"b":[null,{}]}} | (valid)
            """)
    void validTextPasses(String text, String expected) {
        assertEquals(expected, GoJson.syntaxError(text).orElse("(valid)"));
    }
}
