package kubetutor.engine.command;

import java.util.List;

/**
 * One command of a script, split into words as a shell would.
 *
 * @param words      the words, quotes removed
 * @param stdin      the here-document body given to it, or null
 * @param redirect   a file its standard output goes to ({@code > file}), or null
 * @param append     whether the redirect is {@code >>}
 * @param text       the command as typed (for history and echo)
 * @param when       whether it runs, given the status of the command before it ({@code &&}, {@code ||})
 * @param background whether it ended with {@code &}
 * @param pipeline   the commands its output is piped through ({@code | grep web | wc -l}, without the
 *                   first bar), or null
 */
public record CommandInput(List<String> words, String stdin, String redirect, boolean append, String text, When when,
                           boolean background, String pipeline) {

    /** The and-or list rule: a command after {@code &&} runs on success, after {@code ||} on failure. */
    public enum When {
        ALWAYS, ON_SUCCESS, ON_FAILURE;

        public boolean runsAfter(int previousStatus) {
            return switch (this) {
                case ALWAYS -> true;
                case ON_SUCCESS -> previousStatus == 0;
                case ON_FAILURE -> previousStatus != 0;
            };
        }
    }
}
