package kubetutor.shell;

import kubetutor.engine.output.Sink;
import kubetutor.engine.session.Session;
import kubetutor.engine.sim.Rng;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The interactive shell's job table, as bash keeps it: {@code CMD &} adds a job and prints
 * {@code [N] PID}, {@code jobs} lists them, {@code kill %N} ends one, and a job that ended is
 * reported ({@code Done}, {@code Exit N}, {@code Terminated}) before the next prompt. The caller
 * holds the engine for every method here.
 */
final class Jobs {
    private final Session session;
    private final List<Job> jobs = new ArrayList<>();
    private Rng pids;
    private long nextPid;

    Jobs(Session session) {
        this.session = session;
    }

    boolean any() {
        return !jobs.isEmpty();
    }

    /**
     * Starts {@code command} in the background, after bash's notice ({@code [1] 4242}) goes to
     * {@code notice}: what the job prints at once comes after it.
     */
    void start(String command, Sink output, java.util.function.Consumer<String> notice) {
        if (pids == null) {
            // Simulated process ids: seeded, rising as a kernel hands them out; from a stream of the
            // shell's own, not the cluster's, which only what the journal replays may draw from.
            pids = new Rng(session.options().seed()).fork("shell/jobs");
            nextPid = 2000 + pids.nextInt(30000);
        }
        nextPid += 1 + pids.nextInt(40);
        int number = jobs.stream().mapToInt(Job::number).max().orElse(0) + 1;
        Job job = new Job(number, nextPid, command, session);
        jobs.add(job);
        notice.accept("[" + number + "] " + job.pid() + "\n");
        job.start(output);
    }

    /** {@code jobs}: every job, with bash's columns. */
    String list() {
        StringBuilder b = new StringBuilder();
        for (Job j : jobs) {
            b.append(line(j));
        }
        return b.toString();
    }

    /** The jobs that ended since the last prompt, reported and forgotten as bash does before a prompt. */
    String takeEnded() {
        StringBuilder b = new StringBuilder();
        for (Job j : List.copyOf(jobs)) {
            if (j.finished()) {
                b.append(line(j));
                jobs.remove(j);
            }
        }
        return b.toString();
    }

    /** The job a {@code %N} (or {@code %+}, {@code %%}, {@code %-}, a bare pid) names. */
    Optional<Job> find(String spec) {
        if (spec.equals("%%") || spec.equals("%+") || spec.equals("%")) {
            return current(0);
        }
        if (spec.equals("%-")) {
            return current(1);
        }
        String digits = spec.startsWith("%") ? spec.substring(1) : spec;
        if (!digits.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        long n = Long.parseLong(digits);
        return jobs.stream().filter(j -> spec.startsWith("%") ? j.number() == n : j.pid() == n).findFirst();
    }

    /** The most recent job (0) or the one before it (1): bash's {@code +} and {@code -}. */
    Optional<Job> current(int back) {
        int i = jobs.size() - 1 - back;
        return i >= 0 ? Optional.of(jobs.get(i)) : Optional.empty();
    }

    /** Forgets a job brought to the foreground: its end is the foreground's, not reported. */
    void forget(Job job) {
        jobs.remove(job);
    }

    /** Stops every job (the cluster they ran on was replaced, or the shell is leaving). */
    void killAll() {
        List.copyOf(jobs).forEach(Job::kill);
        jobs.clear();
    }

    private String line(Job j) {
        int i = jobs.indexOf(j);
        char mark = i == jobs.size() - 1 ? '+' : i == jobs.size() - 2 ? '-' : ' ';
        String state = switch (j.state()) {
            case RUNNING -> "Running";
            case TERMINATED -> "Terminated";
            case DONE -> j.status() == 0 ? "Done" : "Exit " + j.status();
        };
        String command = j.state() == Job.State.RUNNING ? j.command() + " &" : j.command();
        return String.format("[%d]%c  %-24s%s%n", j.number(), mark, state, command);
    }
}
