package kubetutor.apiserver;

import kubetutor.engine.rest.RestResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Only a client holding the kubeconfig's token is answered, an upgrade to a stream included. */
final class BearerAuth extends Handler.Wrapper {
    private final byte[] expected;

    BearerAuth(String token, Handler next) {
        super(next);
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String given = request.getHeaders().get("Authorization");
        if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            return super.handle(request, response, callback);
        }
        ApiHandler.send(response, RestResponse.failure(401, "Unauthorized", "Unauthorized"));
        callback.succeeded();
        return true;
    }
}
