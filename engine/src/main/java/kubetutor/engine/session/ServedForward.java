package kubetutor.engine.session;

import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.kubelet.HttpResult;
import kubetutor.engine.snapshot.JournalStep;

/** A request through kubectl port-forward, answered from inside the pod: the same live and in a replay. */
final class ServedForward {
    private ServedForward() {}

    static HttpResult answer(Session session, JournalStep.Forward f) {
        HttpResult result = replay(session, f);
        session.journal.fromOutside(f, session.now());
        return result;
    }

    static HttpResult replay(Session session, JournalStep.Forward f) {
        return session.cluster().runtime() instanceof SimRuntime sim
                ? sim.fromInsidePod(f.podIp(), f.port(), f.path(), f.userAgent()) : HttpResult.refused(f.podIp());
    }
}
