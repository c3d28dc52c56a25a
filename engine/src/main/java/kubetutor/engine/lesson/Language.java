package kubetutor.engine.lesson;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The languages lessons and the lesson runtime speak. kubectl itself always speaks English, as the real one does. */
public enum Language {
    EN("en"), KO("ko");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Language> of(String code) {
        for (Language l : values()) {
            if (l.code.equals(code.toLowerCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The language of a POSIX locale environment, looked up in the order gettext uses
     * (LC_ALL, LC_MESSAGES, LANG): {@code ko_KR.UTF-8} is Korean, anything else English.
     */
    public static Language fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value.toLowerCase(Locale.ROOT).startsWith("ko") ? KO : EN;
            }
        }
        return EN;
    }
}
