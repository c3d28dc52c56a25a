package kubetutor.engine.complete;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompleterTest {
    /** Stands in for the describe verb (being written elsewhere) so its RESOURCE_TYPE OBJECT_NAME shape is covered. */
    private static final CommandSpec DESCRIBE_LIKE = CommandSpec.of("describe-like", "test", List.of(),
            ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);
    private static final CommandSpec SHELL_ONLY = CommandSpec.of("exit", "Leave", List.of());
    private static final CommandSpec RUN_LIKE = CommandSpec.of("run-like", "test", List.of(
            FlagSpec.value("restart", null, ValueKind.RESTART_POLICY, "Always", "restart policy"),
            FlagSpec.value("type", null, ValueKind.SERVICE_TYPE, "", "service type"),
            FlagSpec.value("node", null, ValueKind.NODE, "", "node"),
            FlagSpec.value("pod", "p", ValueKind.POD, "", "pod")), ValueKind.TEXT);

    @TempDir
    static Path work;
    private static Session session;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(work.resolve("manifests"));
        Files.writeString(work.resolve("manifests/pod.yaml"), "");
        Files.writeString(work.resolve("manifests/pod-probe.yaml"), "");
        Files.writeString(work.resolve("deploy.yaml"), "");
        Files.writeString(work.resolve(".hidden"), "");
        session = new Session(SessionOptions.defaults(work));
        ObjectNode pod = (ObjectNode) new ObjectMapper().readTree("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx","namespace":"default"},
                 "spec":{"containers":[{"name":"nginx","image":"nginx"}]}}""");
        session.cluster().api().create(ResourceTypes.POD, pod);
    }

    /** The candidates for a line with the cursor at its end (or at the "|" in it). */
    private static List<String> complete(String line) {
        Completer c = new Completer(session, List.of(SHELL_ONLY, DESCRIBE_LIKE, RUN_LIKE));
        int cursor = line.indexOf('|');
        String text = cursor < 0 ? line : line.replace("|", "");
        return c.complete(text, cursor < 0 ? text.length() : cursor).values();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '=', textBlock = """
            kube                                       = kubectl
            k                                          = k kill kubectl
            ex                                         = exit export
            sl                                         = sleep
            'kubectl g'                                = get
            'k g'                                      = get
            'kubectl get po'                           = pods
            'kubectl get '                             = all cm configmaps daemonsets deployments ds endpoints endpointslices ep events leases namespaces nodes ns pods rc replicasets replicationcontrollers rs sa secrets serviceaccounts services svc
            'kubectl get s'                            = sa secrets serviceaccounts services svc
            'kubectl get deploy'                       = deployments
            'kubectl get node w'                       = worker1 worker2
            'kubectl get nodes '                       = master worker1 worker2
            'kubectl get pods '                        = nginx
            'kubectl get pods -n kube-system kube-s'   = kube-scheduler-master
            'kubectl get pods --namespace=kube-system etcd' = etcd-master
            'kubectl -n kube-system get pods etc'      = etcd-master
            'kubectl get pods -A kube-sch'             = kube-scheduler-master
            'kubectl get pod/'                         = pod/nginx
            'kubectl get no/m'                         = no/master
            'kubectl get pods -o '                     = 'custom-columns= json jsonpath= name wide yaml'
            'kubectl get pods -o w'                    = wide
            'kubectl get pods --output=y'              = '--output=yaml'
            'kubectl get pods -n '                     = default kube-node-lease kube-public kube-system
            'kubectl get pods --show-l'                = --show-labels
            'kubectl get pods --namespace x --names'   = ''
            'kubectl get -f '                          = deploy.yaml manifests/
            'kubectl get -f manifests/'                = manifests/pod-probe.yaml manifests/pod.yaml
            'kubectl get -f manifests/pod-'            = manifests/pod-probe.yaml
            'cat .h'                                   = .hidden
            'kubectl get pods > d'                     = deploy.yaml
            'describe-like node w'                     = worker1 worker2
            'describe-like svc '                       = kubernetes
            'run-like --restart '                      = Always Never OnFailure
            'run-like --type N'                        = NodePort
            'run-like --node m'                        = master
            'run-like -p n'                            = nginx
            'ls -'                                     = -a -l
            'kubectl get pods # a comment'             = ''
            'nosuch '                                  = ''
            'help cl'                                  = 'clear clock cluster cluster-info'
            'help lo'                                  = load logs
            'kubectl get po| -n kube-system'           = pods
            """)
    void completes(String line, String expected) {
        List<String> want = expected == null || expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(want, complete(line));
    }

    @Test
    void theReplacedWordStartsWhereTheWordDoes() {
        Completer c = new Completer(session);
        assertEquals(12, c.complete("kubectl get po", 14).start());
        assertEquals(17, c.complete("kubectl get pods ", 17).start());
        assertEquals(28, c.complete("cat <<EOF\nkind: Pod\nkubectl g", 29).start());
    }

    @Test
    void flagsComeWithTheirHelpLineAndOnlyOnce() {
        Completion c = new Completer(session).complete("kubectl get pods -o wide --o", 28);
        assertEquals(List.of("--output-watch-events"), c.values());
        assertEquals("Output watch event objects when --watch or --watch-only is used.", c.candidates().get(0).description());
    }

    @Test
    void aDirectoryTakesNoSpaceAfterIt() {
        Completion c = new Completer(session).complete("cat man", 7);
        assertEquals(List.of(new Candidate("manifests/", "", false)), c.candidates());
    }
}
