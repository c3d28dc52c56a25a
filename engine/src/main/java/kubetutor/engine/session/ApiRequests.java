package kubetutor.engine.session;

import kubetutor.engine.rest.RestApi;
import kubetutor.engine.rest.RestRequest;
import kubetutor.engine.rest.RestResponse;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotException;

/** A REST request to a session's cluster ({@code serve}), under the same boundary and journal as a command. */
final class ApiRequests {
    private ApiRequests() {}

    static RestResponse serve(Session s, RestRequest request) {
        Snapshot before = request.writes() && s.snapshottable() ? s.snapshot() : null;
        try {
            RestResponse response = new RestApi(s.cluster()).handle(request);
            if (request.writes() && response.code() < 400) {
                s.journal.fromOutside(new JournalStep.Request(request.method(), request.path(), request.query(),
                        request.contentType(), request.body()), s.now());
            }
            return response;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            try {
                if (before != null) {
                    s.restore(before);
                }
            } catch (SnapshotException | RuntimeException again) {
                // the failure below is what the client hears about
            }
            return RestResponse.failure(500, null, InternalFailure.describe(e, "this request"));
        }
    }
}
