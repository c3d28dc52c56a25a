package kubetutor.engine.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the lesson runtime says, per language, from {@code kubetutor/lesson/messages_LANG.txt}
 * ({@code KEY = text} lines; {@code {0}} and on are filled in). Not java.text.MessageFormat: its
 * quoting rules would eat the apostrophes around every command we name.
 */
final class Messages {
    private static final Map<Language, Map<String, String>> LOADED = new EnumMap<>(Language.class);

    private Messages() {}

    static String get(Language language, String key, Object... args) {
        String text = table(language).get(key);
        if (text == null) {
            text = table(Language.EN).get(key);
        }
        if (text == null) {
            throw new IllegalStateException("no message " + key);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    private static synchronized Map<String, String> table(Language language) {
        return LOADED.computeIfAbsent(language, Messages::load);
    }

    private static Map<String, String> load(Language language) {
        String path = "/kubetutor/lesson/messages_" + language.code() + ".txt";
        Map<String, String> texts = new HashMap<>();
        try (InputStream in = Messages.class.getResourceAsStream(path)) {
            if (in == null) {
                return texts;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf(" = ");
                if (!line.startsWith("#") && eq > 0) {
                    texts.put(line.substring(0, eq).strip(), line.substring(eq + 3).replace("\\n", "\n"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
