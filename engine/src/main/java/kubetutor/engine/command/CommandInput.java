package kubetutor.engine.command;

import java.util.List;

/**
 * One command of a script, split into words as a shell would.
 *
 * @param words     the words, quotes removed
 * @param stdin     the here-document body given to it, or null
 * @param redirect  a file its standard output goes to ({@code > file}), or null
 * @param append    whether the redirect is {@code >>}
 * @param text      the command as typed (for history and echo)
 */
public record CommandInput(List<String> words, String stdin, String redirect, boolean append, String text) {}
