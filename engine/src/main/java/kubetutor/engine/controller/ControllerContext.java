package kubetutor.engine.controller;

import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.sim.Rng;
import kubetutor.engine.sim.Simulation;

import java.util.function.Consumer;

/**
 * What every control-plane loop is built from: the API server it writes through, the event
 * recorder, the clock, the shared informers, and the session's random generator (each loop forks
 * its own stream).
 */
public record ControllerContext(ApiServer api, EventRecorder events, Simulation sim, Informers informers, Rng rng) {

    /** A work queue on this control plane's clock. */
    public <K> WorkQueue<K> queue(Consumer<K> sync) {
        return new WorkQueue<>(sim, sync);
    }

    /** The named component's own random stream. */
    public Rng rng(String component) {
        return rng.fork(component);
    }
}
