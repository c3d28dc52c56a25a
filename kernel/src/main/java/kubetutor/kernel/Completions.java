package kubetutor.kernel;

import java.util.List;

/**
 * The kernel's seam for TAB completion, so that the engine's completer
 * ({@code kubetutor.engine.complete.Completer}, being written) can replace
 * {@link CommandTableCompletions} without touching the protocol code.
 */
interface Completions {

    /** Candidates for the word ending at {@code cursor}, replacing {@code code[start, end)}. */
    Result complete(String code, int cursor);

    record Result(List<String> matches, int start, int end) {}
}
