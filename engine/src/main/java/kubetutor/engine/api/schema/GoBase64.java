package kubetutor.engine.api.schema;

/**
 * Where Go's base64.StdEncoding gives up on a string, as encoding/json decodes a []byte field: the
 * API server reports "illegal base64 data at input byte N". Learners meet it when they put plain
 * text into a Secret's data, so N must be the byte Go names: an invalid character, misplaced padding,
 * or the start of an unfinished last group of four. Line breaks are skipped, as Go skips them.
 */
final class GoBase64 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private GoBase64() {}

    /** The offset Go's CorruptInputError names, or -1 when {@code s} decodes. */
    static int corruptAt(String s) {
        byte[] src = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int si = 0;
        while (true) {
            int j = 0;
            while (j < 4) {
                if (si == src.length) {
                    // a group cut short: Go's padded encoding wants all four characters
                    return j == 0 ? -1 : si - j;
                }
                byte in = src[si++];
                if (ALPHABET.indexOf(in) >= 0) {
                    j++;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    continue;
                }
                if (in != '=' || j < 2) {
                    return si - 1;
                }
                if (j == 2) {
                    // "==" must follow the second character of a group
                    si = skipNewlines(src, si);
                    if (si == src.length) {
                        return src.length;
                    }
                    if (src[si] != '=') {
                        return si - 1;
                    }
                    si++;
                }
                si = skipNewlines(src, si);
                return si < src.length ? si : -1;
            }
        }
    }

    private static int skipNewlines(byte[] src, int si) {
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
            si++;
        }
        return si;
    }
}
