package kubetutor.engine.format;

import java.util.List;

/** Splits a YAML stream at document separators the way k8s.io/apimachinery's YAMLReader does. */
final class YamlChunks {
    private YamlChunks() {
    }

    /**
     * Adds each document's text to {@code chunks}. A separator line may carry only a comment after
     * "---"; otherwise the reader fails there and the document before it is lost too (kubectl
     * prints none of it). Returns that failure's message, or null.
     */
    static String split(String text, List<String> chunks) {
        StringBuilder current = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end + 1);
            start = end < 0 ? text.length() : end + 1;
            if (line.startsWith("---")) {
                String rest = line.substring(3).trim();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    return "invalid Yaml document separator: " + rest;
                }
                if (current.length() > 0) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            current.append(line);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return null;
    }
}
