package kubetutor.apiserver;

import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests a client should not send get the API server's status and Status body, and change nothing. */
class BadRequestsTest {
    @TempDir
    static Path dir;
    static Server server;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new Server(new Session(SessionOptions.defaults(dir)), 0, 0);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        byte[] pem = Base64.getDecoder().decode(server.authorityData());
        trust.setCertificateEntry("serve", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem)));
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tm.getTrustManagers(), null);
        client = HttpClient.newBuilder().sslContext(tls).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String version() throws Exception {
        String body = send("GET", "/api/v1/pods", server.token(), null, null).body();
        return body.replaceAll("(?s).*?\"resourceVersion\":\"(\\d+)\".*", "$1");
    }

    @Test
    void eachBadRequestIsRefusedAsTheApiServerRefusesIt() throws Exception {
        String before = version();
        String pods = "/api/v1/namespaces/default/pods";
        HttpResponse<String> noToken = send("GET", pods, null, null, null);
        assertEquals(401, noToken.statusCode());
        assertTrue(noToken.body().contains("\"reason\":\"Unauthorized\""));
        assertEquals(401, send("GET", pods, "guess", null, null).statusCode());
        assertEquals(404, send("GET", "/api/v1/nosuchthings", server.token(), null, null).statusCode());
        assertEquals(404, send("GET", "/apis/nosuch.io/v1", server.token(), null, null).statusCode());
        HttpResponse<String> malformed = send("POST", pods, server.token(), "application/json", "{\"kind\": ");
        assertEquals(400, malformed.statusCode());
        assertEquals(415, send("POST", pods, server.token(), "text/plain", "hello").statusCode());
        assertEquals(400, send("POST", pods, server.token(), "application/vnd.kubernetes.protobuf", "k8s").statusCode());
        HttpResponse<String> huge = send("POST", pods, server.token(), "application/json",
                "{\"a\":\"" + "x".repeat(ApiHandler.BODY_LIMIT) + "\"}");
        assertEquals(413, huge.statusCode());
        assertTrue(huge.body().contains("Request entity too large: limit is 3145728"));
        HttpResponse<String> stale = send("PUT", "/api/v1/namespaces/default", server.token(), "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"default\",\"resourceVersion\":\"1\"}}");
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("the object has been modified"), stale.body());
        assertEquals(405, send("DELETE", pods, server.token(), null, null).statusCode());
        assertEquals(before, version(), "the cluster is as it was");
    }
}
