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
                    Seconds between probes. Defaults to 10; the minimum is 1.
                    \n
                """, explainer.explain("pods.spec.containers.livenessProbe.periodSeconds").orElseThrow());
    }

    @Test
    void aStructFieldListsItsFieldsSortedWithTypesAndMarkers() {
        assertEquals("""
                KIND:       Pod
                VERSION:    v1

                FIELD: httpGet <HTTPGetAction>


                DESCRIPTION:
                    Send an HTTP GET request to the container; a status from 200 to 399 is
                    success.
                    An HTTP GET request sent to the container.
                    \n\
                FIELDS:
                  host\t<string>
                    The host to connect to. Defaults to the pod IP; set the Host header in
                    httpHeaders instead to change the virtual host.

                  httpHeaders\t<[]HTTPHeader>
                    Extra headers sent with the request.

                  path\t<string>
                    The path requested, such as /healthz.

                  port\t<IntOrString> -required-
                    The port to connect to: a number from 1 to 65535 or the name of a container
                    port.

                  scheme\t<string>
                  enum: HTTP, HTTPS
                    HTTP or HTTPS. Defaults to HTTP.


                """, explainer.explain("po.spec.containers.livenessProbe.httpGet").orElseThrow());
    }

    @Test
    void aKindOfANamedGroupAndAnEnumField() {
        String deploy = explainer.explain("deploy").orElseThrow();
        assertEquals(true, deploy.startsWith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nDESCRIPTION:\n"
                + "    A deployment keeps a set of identical pods running and rolls out changes to\n"));
        assertEquals(true, deploy.contains("\nFIELDS:\n  apiVersion\t<string>\n"));
        assertEquals(true, deploy.contains("\n  spec\t<DeploymentSpec>\n"));
        assertEquals(true, explainer.explain("pod.spec.restartPolicy").orElseThrow()
                .contains("FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n"));
    }

    @Test
    void unknownFieldsAndResources() {
        assertEquals(Optional.empty(), explainer.explain("pod.spec.foo"));
        assertEquals("error: field \"foo\" does not exist", explainer.error("pod.spec.foo"));
        assertEquals("error: the server doesn't have a resource type \"pdo\"", explainer.error("pdo"));
    }
}
