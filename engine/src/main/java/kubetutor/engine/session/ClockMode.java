package kubetutor.engine.session;

/**
 * How simulated time moves between commands: only when told ({@code sleep}, watches), or with the
 * wall clock at a speed ({@code clock realtime 10}: ten simulated seconds a second).
 */
public record ClockMode(boolean realtime, double speed) {
    public static final ClockMode MANUAL = new ClockMode(false, 1);

    public static ClockMode realtime(double speed) {
        return new ClockMode(true, speed);
    }
}
