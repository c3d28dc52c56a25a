package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API over a session, request by request, as a client on the wire sees it. */
class RestApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    private static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"containers":[{"name":"web","image":"nginx"}]}}""";

    @TempDir
    Path dir;

    private Session session() throws Exception {
        return new Session(SessionOptions.defaults(dir));
    }

    private static RestRequest get(String path, Map<String, List<String>> query, String accept) {
        return new RestRequest("GET", path, query, "", accept, "");
    }

    private static RestRequest post(String path, String body) {
        return new RestRequest("POST", path, Map.of(), "application/json", "application/json", body);
    }

    private static JsonNode json(RestResponse r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void discoveryNamesEveryServedGroupVersion() throws Exception {
        Session s = session();
        JsonNode groups = json(s.serve(get("/apis", Map.of(), "")));
        List<String> names = new ArrayList<>();
        groups.path("groups").forEach(g -> names.add(g.path("name").asText()));
        assertTrue(names.contains("apps") && names.contains("coordination.k8s.io"), names.toString());
        JsonNode core = json(s.serve(get("/api/v1", Map.of(), "")));
        assertEquals("v1", core.path("groupVersion").asText());
        assertTrue(core.toString().contains("\"name\":\"pods/log\""));
        assertEquals("v1.32.4", json(s.serve(get("/version", Map.of(), ""))).path("gitVersion").asText());
    }

    @Test
    void aCreatedPodIsListedAsATableWithItsWideColumnsAtPriorityOne() throws Exception {
        Session s = session();
        RestResponse created = s.serve(post("/api/v1/namespaces/default/pods", POD));
        assertEquals(201, created.code());
        JsonNode table = json(s.serve(get("/api/v1/namespaces/default/pods", Map.of(), TABLE)));
        assertEquals("Table", table.path("kind").asText());
        assertEquals("NAME", table.path("columnDefinitions").get(0).path("name").asText());
        assertEquals(1, table.path("columnDefinitions").get(5).path("priority").asInt(), "IP shows with -o wide only");
        assertEquals("web", table.path("rows").get(0).path("cells").get(0).asText());
        assertEquals("PartialObjectMetadata", table.path("rows").get(0).path("object").path("kind").asText());
        JsonNode list = json(s.serve(get("/api/v1/pods", Map.of("labelSelector", List.of("app=web")), "")));
        assertEquals("PodList", list.path("kind").asText());
        assertEquals(1, list.path("items").size());
        assertTrue(list.path("items").get(0).path("kind").isMissingNode(), "a list's items carry no kind");
    }

    @Test
    void aListComesInChunksOfItsLimit() throws Exception {
        Session s = session();
        JsonNode first = json(s.serve(get("/api/v1/namespaces/kube-system/pods", Map.of("limit", List.of("4")), "")));
        assertEquals(4, first.path("items").size());
        long remaining = first.path("metadata").path("remainingItemCount").asLong();
        assertTrue(remaining > 0);
        JsonNode rest = json(s.serve(get("/api/v1/namespaces/kube-system/pods", Map.of("limit", List.of("500"),
                "continue", List.of(first.path("metadata").path("continue").asText())), "")));
        assertEquals(remaining, rest.path("items").size());
        assertTrue(rest.path("metadata").path("continue").isMissingNode(), "the last chunk");
        assertTrue(!rest.path("items").get(0).path("metadata").path("name").asText()
                .equals(first.path("items").get(3).path("metadata").path("name").asText()));
    }

    @Test
    void failuresAreStatusObjectsWithTheApiServersReasons() throws Exception {
        Session s = session();
        RestResponse missing = s.serve(get("/api/v1/namespaces/default/pods/nosuch", Map.of(), ""));
        assertEquals(404, missing.code());
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"pods \\\"nosuch\\\" not found\",\"reason\":\"NotFound\",\"code\":404}", missing.body());
        assertEquals(404, s.serve(get("/api/v1/nosuchthings", Map.of(), "")).code());
        assertEquals(201, s.serve(post("/api/v1/namespaces/default/pods", POD)).code());
        assertEquals("AlreadyExists", json(s.serve(post("/api/v1/namespaces/default/pods", POD))).path("reason").asText());
        JsonNode invalid = json(s.serve(post("/api/v1/namespaces/default/pods",
                POD.replace("\"name\":\"web\",\"labels\"", "\"name\":\"Web_1\",\"labels\""))));
        assertEquals("Invalid", invalid.path("reason").asText());
        assertEquals("Pod", invalid.path("details").path("kind").asText());
        assertEquals("metadata.name", invalid.path("details").path("causes").get(0).path("field").asText());
        assertEquals(400, s.serve(post("/api/v1/namespaces/default/pods", "{not json")).code());
        assertEquals(400, s.serve(get("/api/v1/pods", Map.of("fieldSelector", List.of("spec.nope=1")), "")).code());
    }

    @Test
    void aDryRunWritesNothingAndAJournaledWriteReplaysFromASnapshot() throws Exception {
        Session s = session();
        RestRequest dry = new RestRequest("POST", "/api/v1/namespaces/default/pods", Map.of("dryRun", List.of("All")),
                "application/json", "", POD);
        assertEquals(201, s.serve(dry).code());
        assertEquals(404, s.serve(get("/api/v1/namespaces/default/pods/web", Map.of(), "")).code());
        s.serve(post("/api/v1/namespaces/default/pods", POD));
        s.execute("sleep 10", o -> { }, Pacer.IMMEDIATE);
        Snapshot saved = s.snapshot();
        Session other = session();
        other.restore(saved);
        StringBuilder out = new StringBuilder();
        other.execute("kubectl get pods", o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        assertEquals("""
                NAME   READY   STATUS    RESTARTS   AGE
                web    1/1     Running   0          10s
                """, out.toString());
    }

    @Test
    void aWatchStartsFromTheVersionListedAndAnOlderOneIsGone() throws Exception {
        Session s = session();
        WatchHub hub = new WatchHub(s.cluster());
        String listed = json(s.serve(get("/api/v1/namespaces/default/pods", Map.of(), ""))).path("metadata")
                .path("resourceVersion").asText();
        s.serve(post("/api/v1/namespaces/default/pods", POD));
        List<String> lines = new ArrayList<>();
        List<WatchHub.Watch> handle = new ArrayList<>();
        assertTrue(hub.open(get("/api/v1/namespaces/default/pods", Map.of("watch", List.of("true"),
                "resourceVersion", List.of(listed)), ""), lines::add, handle::add).isEmpty());
        assertTrue(lines.get(0).startsWith("{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\""), lines.get(0));
        int before = lines.size();
        s.execute("sleep 5", o -> { }, Pacer.IMMEDIATE);
        assertTrue(lines.size() > before, "the kubelet's updates stream as MODIFIED events");
        assertTrue(lines.stream().allMatch(l -> l.contains("\"name\":\"web\"")), "only the pods of the watch");
        handle.forEach(WatchHub.Watch::close);
        RestResponse gone = hub.open(get("/api/v1/pods", Map.of("watch", List.of("true"), "resourceVersion", List.of("1")), ""),
                lines::add, handle::add).orElseThrow();
        assertEquals(410, gone.code());
        assertTrue(gone.body().contains("\"reason\":\"Expired\""));
    }

    @Test
    void aSelectorWatchSeesAnObjectLeaveAndComeBackAsDeletedAndAdded() throws Exception {
        Session s = session();
        s.serve(post("/api/v1/namespaces/default/pods", POD));
        WatchHub hub = new WatchHub(s.cluster());
        List<String> lines = new ArrayList<>();
        hub.open(get("/api/v1/namespaces/default/pods", Map.of("watch", List.of("true"), "labelSelector", List.of("app=web")), ""),
                lines::add, w -> { });
        s.execute("kubectl label pod web app=db --overwrite", o -> { }, Pacer.IMMEDIATE);
        s.execute("kubectl label pod web app=web --overwrite", o -> { }, Pacer.IMMEDIATE);
        List<String> seen = lines.stream().map(l -> l.substring(9, l.indexOf('"', 9)) + " app="
                + l.replaceAll(".*\"labels\":\\{\"app\":\"([a-z]+)\".*\n", "$1")).toList();
        assertEquals(List.of("ADDED app=web", "DELETED app=web", "ADDED app=web"), seen);
    }

    @Test
    void bookmarksCarryTheCurrentResourceVersionOnlyWhenAllowed() throws Exception {
        Session s = session();
        WatchHub hub = new WatchHub(s.cluster());
        List<String> lines = new ArrayList<>();
        List<WatchHub.Watch> watches = new ArrayList<>();
        hub.open(get("/api/v1/namespaces/default/pods", Map.of("watch", List.of("true"), "allowWatchBookmarks", List.of("true"),
                "sendInitialEvents", List.of("true")), ""), lines::add, watches::add);
        hub.open(get("/api/v1/namespaces/default/pods", Map.of("watch", List.of("true")), ""), lines::add, watches::add);
        String version = Long.toString(s.cluster().store().resourceVersion());
        watches.forEach(WatchHub.Watch::bookmark);
        assertEquals(List.of(
                "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\""
                        + version + "\",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}}}}\n",
                "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\""
                        + version + "\"}}}\n"), lines);
    }
}
