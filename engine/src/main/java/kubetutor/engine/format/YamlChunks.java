package kubetutor.engine.format;

import java.util.List;

/** Splits a YAML stream at document separators the way k8s.io/apimachinery's YAMLReader does. */
final class YamlChunks {
    private YamlChunks() {
    }

    /** Where one document's text is: [start, end) of the stream, separator lines left out. */
    record Range(int start, int end) {
        int length() {
            return end - start;
        }
    }

    /**
     * Adds where each document is to {@code chunks}, without copying any text (a document may be
     * tens of megabytes). A separator line may carry only a comment after "---"; otherwise the reader
     * fails there and the document before it is lost too (kubectl prints none of it). Returns that
     * failure's message, or null.
     */
    static String split(String text, List<Range> chunks) {
        int documentStart = 0;
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            if (text.startsWith("---", start)) {
                int first = start + 3;
                while (first < end && Character.isWhitespace(text.charAt(first))) {
                    first++;
                }
                if (first < end && text.charAt(first) != '#') {
                    return "invalid Yaml document separator: " + text.substring(start + 3, end).trim();
                }
                if (start > documentStart) {
                    chunks.add(new Range(documentStart, start));
                }
                documentStart = end;
            }
            start = end;
        }
        if (text.length() > documentStart) {
            chunks.add(new Range(documentStart, text.length()));
        }
        return null;
    }
}
