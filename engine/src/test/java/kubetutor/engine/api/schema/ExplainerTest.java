package kubetutor.engine.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** kubectl explain transcripts, laid out as 1.32's plaintext template lays them out. */
class ExplainerTest {
    final Explainer explainer = new Explainer(Schema.standard());

    @Test
    void aScalarFieldWithoutEnum() {
        assertEquals("""
                KIND:       Pod
                VERSION:    v1

                FIELD: periodSeconds <integer>


                DESCRIPTION:
                    How often (in seconds) to perform the probe. Default to 10 seconds. Minimum
                    value is 1.
                    \n\

                """, explainer.explain("pods.spec.containers.livenessProbe.periodSeconds").orElseThrow());
    }

    @Test
    void aStructFieldListsItsFieldsSortedWithTypesAndMarkers() {
        assertEquals("""
                KIND:       Pod
                VERSION:    v1

                FIELD: httpGet <HTTPGetAction>


                DESCRIPTION:
                    HTTPGet specifies an HTTP GET request to perform.
                    HTTPGetAction describes an action based on HTTP Get requests.
                    \n\
                FIELDS:
                  host\t<string>
                    Host name to connect to, defaults to the pod IP. You probably want to set
                    "Host" in httpHeaders instead.

                  httpHeaders\t<[]HTTPHeader>
                    Custom headers to set in the request. HTTP allows repeated headers.

                  path\t<string>
                    Path to access on the HTTP server.

                  port\t<IntOrString> -required-
                    Name or number of the port to access on the container. Number must be in the
                    range 1 to 65535. Name must be an IANA_SVC_NAME.

                  scheme\t<string>
                  enum: HTTP, HTTPS
                    Scheme to use for connecting to the host. Defaults to HTTP.
                    \n\
                    Possible enum values:
                     - `"HTTP"` means that the scheme used will be http://
                     - `"HTTPS"` means that the scheme used will be https://


                """, explainer.explain("po.spec.containers.livenessProbe.httpGet").orElseThrow());
    }

    @Test
    void aKindOfANamedGroupAndAnEnumField() {
        String deploy = explainer.explain("deploy").orElseThrow();
        assertEquals(true, deploy.startsWith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nDESCRIPTION:\n"
                + "    Deployment enables declarative updates for Pods and ReplicaSets.\n"));
        assertEquals(true, deploy.contains("\nFIELDS:\n  apiVersion\t<string>\n"));
        assertEquals(true, deploy.contains("\n  spec\t<DeploymentSpec>\n"));
        assertEquals(true, explainer.explain("pod.spec.restartPolicy").orElseThrow()
                .contains("FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n"));
    }

    @Test
    void spacesAsTheDescriptionHasThemAndItsTypesWordsBelow() {
        assertEquals("""
                KIND:       Pod
                VERSION:    v1

                FIELD: creationTimestamp <string>


                DESCRIPTION:
                    CreationTimestamp is a timestamp representing the server time when this
                    object was created. It is not guaranteed to be set in happens-before order
                    across separate operations. Clients may not set this value. It is
                    represented in RFC3339 form and is in UTC.
                    \n\
                    Populated by the system. Read-only. Null for lists. More info:
                    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata
                    Time is a wrapper around time.Time which supports correct marshaling to YAML
                    and JSON.  Wrappers are provided for many of the factory methods that the
                    time package offers.
                    \n\

                """, explainer.explain("pods.metadata.creationTimestamp").orElseThrow());
        assertEquals("  * 'kubernetes.io/h2c' - HTTP/2", Explainer.wrap("  * 'kubernetes.io/h2c' - HTTP/2", 76));
        assertEquals("a\n" + "x".repeat(80) + "\nb", Explainer.wrap("a " + "x".repeat(80) + " b", 76));
    }

    @Test
    void unknownFieldsAndResources() {
        assertEquals(Optional.empty(), explainer.explain("pod.spec.foo"));
        assertEquals("error: field \"foo\" does not exist", explainer.error("pod.spec.foo"));
        assertEquals("the server doesn't have a resource type \"pdo\"", explainer.error("pdo"));
    }
}
