package kubetutor.engine.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.schema.SchemaAdmission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Strategic merge patches of a pod, each result checked against what kubectl 1.32 gave for the same
 * pod and patch (kubectl patch --local -o json): merge keys, new items first, $patch directives,
 * $retainKeys, primitive lists, lists without a strategy replaced.
 */
class StrategicMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POD = """
            {"apiVersion": "v1", "kind": "Pod",
             "metadata": {"name": "p", "finalizers": ["a", "b"]},
             "spec": {"containers": [
                        {"name": "web", "image": "nginx", "ports": [{"containerPort": 80}, {"containerPort": 443}],
                         "env": [{"name": "A", "value": "1"}], "volumeMounts": [{"name": "data", "mountPath": "/data"}]},
                        {"name": "log", "image": "busybox"}],
                      "volumes": [{"name": "data", "emptyDir": {}}],
                      "tolerations": [{"key": "k", "operator": "Exists"}]}}""";

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"spec":{"containers":[{"name":"web","ports":[{"containerPort":8080},{"containerPort":80,"name":"http"}]}]}} | /spec/containers/0/ports | [{"containerPort":8080},{"containerPort":80,"name":"http"},{"containerPort":443}]
            {"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"2"},{"name":"A","$patch":"delete"}]}]}} | /spec/containers/0/env | [{"name":"B","value":"2"}]
            {"spec":{"containers":[{"name":"log","image":"busybox:1"},{"name":"web","image":"nginx:2"}]}} | /spec/containers | [{"image":"busybox:1","name":"log"},{"env":[{"name":"A","value":"1"}],"image":"nginx:2","name":"web","ports":[{"containerPort":80},{"containerPort":443}],"volumeMounts":[{"mountPath":"/data","name":"data"}]}]
            {"spec":{"containers":[{"name":"side","image":"envoy"}]}} | /spec/containers | [{"image":"envoy","name":"side"},{"env":[{"name":"A","value":"1"}],"image":"nginx","name":"web","ports":[{"containerPort":80},{"containerPort":443}],"volumeMounts":[{"mountPath":"/data","name":"data"}]},{"image":"busybox","name":"log"}]
            {"spec":{"volumes":[{"name":"data","$retainKeys":["name","hostPath"],"hostPath":{"path":"/x"}}]}} | /spec/volumes | [{"hostPath":{"path":"/x"},"name":"data"}]
            {"spec":{"tolerations":[{"key":"z","operator":"Exists"}]}} | /spec/tolerations | [{"key":"z","operator":"Exists"}]
            {"metadata":{"finalizers":["c","a"]}} | /metadata/finalizers | ["c","a","b"]
            {"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}} | /metadata/finalizers | ["b"]
            {"spec":{"containers":[{"name":"web","ports":[{"$patch":"replace"},{"containerPort":9}]}]}} | /spec/containers/0/ports | [{"containerPort":9}]
            {"spec":{"containers":[{"name":"web","$patch":"delete"}]}} | /spec/containers | [{"image":"busybox","name":"log"}]
            {"metadata":{"finalizers":null,"labels":{"x":"y"}}} | /metadata | {"labels":{"x":"y"},"name":"p"}
            """)
    void mergesAsKubectlDoes(String patch, String pointer, String expected) throws Exception {
        ObjectNode result = StrategicMerge.apply(SchemaAdmission.schema(), "Pod", (ObjectNode) JSON.readTree(POD),
                (ObjectNode) JSON.readTree(patch));
        assertEquals(JSON.readTree(expected), result.at(pointer));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"spec":{"containers":[{"image":"x"}]}} | map: map[image:x] does not contain declared merge key: name
            {"spec":{"containers":[{"name":"web","$patch":"foo"}]}} | unknown patch type: foo in map: map[$patch:foo name:web]
            {"spec":{"$patch":"bogus"}} | unknown patch type: bogus in map: map[$patch:bogus]
            """)
    void refusesAsTheLibraryDoes(String patch, String expected) throws Exception {
        JsonNode pod = JSON.readTree(POD);
        StrategicMerge.Refused e = org.junit.jupiter.api.Assertions.assertThrows(StrategicMerge.Refused.class,
                () -> StrategicMerge.apply(SchemaAdmission.schema(), "Pod", (ObjectNode) pod, (ObjectNode) JSON.readTree(patch)));
        assertEquals(expected, e.getMessage());
    }
}
