package kubetutor.engine.lesson;

import java.util.Map;

/** A text in each language a lesson was written in; English is always there and stands in for a missing one. */
public record Localized(Map<Language, String> texts) {
    public Localized {
        texts = Map.copyOf(texts);
        if (!texts.containsKey(Language.EN)) {
            throw new IllegalArgumentException("every text needs its English version");
        }
    }

    public String in(Language language) {
        return texts.getOrDefault(language, texts.get(Language.EN));
    }
}
