package kubetutor.engine.kubectl.cobra;

import java.util.ArrayList;
import java.util.List;

/**
 * cobra's ShellCompDirective: a bit set that tells the completion script what to do with the
 * candidates (the last line of a "__complete" answer is ":BITS").
 */
final class Directive {
    static final int DEFAULT = 0;
    static final int NO_SPACE = 2;
    static final int NO_FILE_COMP = 4;
    static final int FILTER_FILE_EXT = 8;

    private Directive() {}

    /**
     * What cobra writes to standard error after the answer: the bits by name, as its debug line names
     * them (1 error, 16 directories only and 32 keep order are bits kubectl's answers here never set).
     */
    static String names(int bits) {
        List<String> names = new ArrayList<>();
        String[] all = {"ShellCompDirectiveError", "ShellCompDirectiveNoSpace", "ShellCompDirectiveNoFileComp",
                "ShellCompDirectiveFilterFileExt", "ShellCompDirectiveFilterDirs", "ShellCompDirectiveKeepOrder"};
        for (int i = 0; i < all.length; i++) {
            if ((bits & (1 << i)) != 0) {
                names.add(all[i]);
            }
        }
        return names.isEmpty() ? "ShellCompDirectiveDefault" : String.join(", ", names);
    }
}
