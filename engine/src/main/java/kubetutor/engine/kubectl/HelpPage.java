package kubetutor.engine.kubectl;

import kubetutor.engine.format.Sections;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kubectl 1.32's help text for one command, kept as data in {@code kubetutor/help/<page>.txt}.
 * The file has sections, each opened by a line {@code @name}: {@code @long} (the description),
 * {@code @examples} (unindented; kubectl indents them by two), {@code @commands} (kubectl's rows
 * of subcommands under their group headings), {@code @flags} (one {@code name<TAB>description}
 * per flag kubetutor supports) and {@code @usage}, in the {@link Sections} format.
 *
 * @param flags the flags' descriptions by long name; empty when the page has no {@code @flags}
 *              section, which means kubectl prints no "Options:" for the command
 */
record HelpPage(String description, List<String> examples, List<String> commands,
                Optional<Map<String, String>> flags, String usage) {

    /** The page of {@code kubectl WORDS...}; "kubectl" itself for no words. */
    static Optional<HelpPage> load(List<String> words) {
        String name = words.isEmpty() ? "kubectl" : String.join("_", words);
        return Sections.resource("/kubetutor/help/" + name + ".txt").map(HelpPage::parse);
    }

    static HelpPage parse(String text) {
        Map<String, List<String>> sections = Sections.parse(text);
        Optional<Map<String, String>> flags = Optional.ofNullable(sections.get("flags")).map(lines -> {
            Map<String, String> byName = new LinkedHashMap<>();
            for (String line : lines) {
                int tab = line.indexOf('\t');
                byName.put(line.substring(0, tab), line.substring(tab + 1));
            }
            return byName;
        });
        return new HelpPage(String.join("\n", sections.getOrDefault("long", List.of())),
                sections.getOrDefault("examples", List.of()), sections.getOrDefault("commands", List.of()),
                flags, String.join("\n", sections.getOrDefault("usage", List.of())));
    }
}
