package kubetutor.engine.kubectl.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Templates, and exactly what kubectl 1.32 printed for them ({@code kubectl label --local -f
 * pod.yaml ... -o jsonpath=TEMPLATE} on the object below); "error: " rows give the error of the
 * parser or the executor, without kubectl's wrapping.
 */
class JsonPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String POD = """
            {"apiVersion":"v1","kind":"Pod",
             "metadata":{"labels":{"app":"web","app.kubernetes.io/name":"nginx"},"name":"nginx"},
             "spec":{"containers":[{"image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80}]},
                                   {"command":["sleep","3600"],"image":"busybox","name":"side"}]},
             "status":{"containerStatuses":[{"name":"nginx","ready":true,"restartCount":0},
                                            {"name":"side","ready":false,"restartCount":3}],
                       "phase":"Running","podIP":"10.244.1.5"}}""";

    static final String ODDITIES = """
            {"spec":{"containers":[
               {"name":"a","env":[{"name":"A1","value":"1"},{"name":"A2","value":"2"},{"name":"A3","value":"3"}]},
               {"name":"b","env":[{"name":"B1","value":"1"}]},
               {"name":"c","env":[]}],
             "extra":{"big":12345678901,"e":1e21,"f":1.5,"false":null,"neg":-3,"small":1e-7,"t":true}},
             "metadata":{"annotations":{"html":"<b>&x</b>","uni":"héllo"}}}""";

    static Stream<Arguments> pod() {
        return Stream.of(
                arguments("{.spec.containers[*].name}", "nginx side"),
                arguments("{.metadata.labels}", "{\"app\":\"web\",\"app.kubernetes.io/name\":\"nginx\"}"),
                arguments("{.foo}", ""),
                arguments("{.metadata.name.x}", ""),
                arguments("{.metadata.name} {\"\\n\"}", "nginx \n"),
                arguments("hi {.kind}x", "hi Podx"),
                arguments("plain", "plain"),
                arguments("{ .kind }", "Pod"),
                arguments("{@.kind}", "Pod"),
                arguments("{.kind} {.apiVersion}", "Pod v1"),
                arguments("{\"a\"}{.kind}{'\\t'}z", "aPod\tz"),
                arguments("{'a\"b'}", "a\"b"),
                arguments("{\"x\\u00e9\\x41\\101\"}", "xéAA"),
                arguments("{true}{5}{1.5}", "true51.5"),
                arguments("{.spec.containers[*].name}{.kind}", "nginx sidePod"),
                arguments("{.spec.containers[-1].name}", "side"),
                arguments("{.spec.containers[0:1]}", "{\"image\":\"nginx:1.27\",\"name\":\"nginx\",\"ports\":[{\"containerPort\":80}]}"),
                arguments("{.spec.containers[1:].name}", "side"),
                arguments("{.spec.containers[:1].name}", "nginx"),
                arguments("{.spec.containers[::2].name}", "nginx"),
                arguments("{.spec.containers[1:1].name}", ""),
                arguments("{.spec.containers[0:0]}{.kind}", "Pod"),
                arguments("{.spec.containers[0,1].name}", "nginx side"),
                arguments("{.spec.containers[0].*}", "nginx:1.27 nginx [{\"containerPort\":80}]"),
                arguments("{.kind.*}", "80 111 100"),
                arguments("{.metadata.labels['app.kubernetes.io/name']}", ""),
                arguments("{.metadata.labels.app\\.kubernetes\\.io/name}", "nginx"),
                arguments("{.spec.containers[0]['name']}", "nginx"),
                arguments("{.spec.containers[?(@.name==\"side\")].image}", "busybox"),
                arguments("{.spec.containers[?(@.name=='side')].command[0]}", "sleep"),
                arguments("{.spec.containers[?( @.name == \"side\" )].name}", "side"),
                arguments("{.spec.containers[?(@.name!=\"nginx\")].name}", "side"),
                arguments("{.spec.containers[?(@.name<\"z\")].name}", "nginx side"),
                arguments("{.spec.containers[?(@.command)].name}", "side"),
                arguments("{.spec.containers[?(@.command[0]==\"sleep\")].name}", "side"),
                arguments("{.spec.containers[?(@.name==@.nope)].name}", ""),
                arguments("{.status.containerStatuses[?(@.restartCount>0)].name}", "side"),
                arguments("{.status.containerStatuses[?(@.restartCount>=3)].name}", "side"),
                arguments("{.status.containerStatuses[?(@.ready==true)].name}", "nginx"),
                arguments("{range .spec.containers[*]}{.name}{\"\\t\"}{.image}{\"\\n\"}{end}", "nginx\tnginx:1.27\nside\tbusybox\n"),
                arguments("{range .spec.containers[*]}{.name}", "nginxside"),
                arguments("{..image}", "nginx:1.27 busybox"),
                arguments("{..containerPort}", "80"),
                arguments("{.spec.containers[0].ports[0].containerPort}", "80"),
                arguments("{.status.containerStatuses[*].ready}", "true false"),
                arguments("{.spec.containers[*].command}", "[\"sleep\",\"3600\"]"),
                arguments("{.spec.containers[*].ports}", "[{\"containerPort\":80}]"),
                arguments("{.}", ""),
                arguments("{.metadata.}", ""),
                // parse errors
                arguments("{.status.podIP", "error: unclosed action"),
                arguments("{.metadata.name,.kind}", "error: unrecognized character in action: U+002C ','"),
                arguments("{#}", "error: unrecognized character in action: U+0023 '#'"),
                arguments("{\t.kind}", "error: unrecognized character in action: U+0009"),
                arguments("{.spec.containers[*][\"name\"]}", "error: invalid array index \"name\""),
                arguments("{.spec.containers[x]}", "error: invalid array index x"),
                arguments("{.spec.containers[0", "error: unterminated array"),
                arguments("{\"abc}", "error: unterminated quoted string"),
                arguments("{\"\\q\"}", "error: unquote string \"\\q\" error invalid syntax"),
                arguments("{-}", "error: cannot parse number -"),
                // execution errors
                arguments("{.spec.containers[5]}", "error: array index out of bounds: index 5, length 2"),
                arguments("{.spec.containers[-3].name}", "error: array index out of bounds: index -1, length 2"),
                arguments("{.spec.containers[2:0].name}", "error: array index out of bounds: index 2, length 2"),
                arguments("{.spec.containers[0:2:0].name}", "error: step must be > 0"),
                arguments("{.metadata.name[0]}", "error: string is not array or slice"),
                arguments("{.spec.containers[0].name}{end}", "error: not in range, nothing to end"),
                arguments("{range .spec.containers[*]}{.name}{end}{end}", "error: not in range, nothing to end"),
                arguments("{foo}", "error: unrecognized identifier foo"),
                arguments("{.spec.containers[?(@.name=\"a\")].name}", "error: unrecognized filter operator ="),
                arguments("{.spec.containers[?(@.name>1)].name}", "error: incompatible types for comparison"),
                arguments("{.status.containerStatuses[?(@.restartCount>\"a\")].name}", "error: incompatible types for comparison"));
    }

    static Stream<Arguments> oddities() {
        return Stream.of(
                arguments("{range .spec.containers[*]}{.name}:{range .env[*]}{.name},{end};{end}", "a:A1,A2,A3,;b:B1,;c:;"),
                arguments("{range .spec.nope[*]}x{end}after", "after"),
                arguments("{range .spec.containers[*]}{.env[-1].name}{\"\\n\"}{end}", "error: array index out of bounds: index -1, length 0"),
                arguments("{.spec.containers[*].env[0].name}", "error: array index out of bounds: index 0, length 0"),
                arguments("{.spec.containers[?(@.name==\"a\")].env[1:].name}", "A2 A3"),
                arguments("{.spec.containers[0].env[-2:].name}", "A2 A3"),
                arguments("{.spec.containers[0].env[:-1].name}", "A1 A2"),
                arguments("{.spec.containers[0].env[-1:-1]}", ""),
                arguments("{.spec.containers[0].env[4:9]}", "error: array index out of bounds: index 4, length 3"),
                arguments("{.spec.containers[0].env[1:9]}", "error: array index out of bounds: index 8, length 3"),
                arguments("{.spec.containers[2].env}", "[]"),
                arguments("{.spec.containers[2].env[*]}", ""),
                arguments("{.spec.extra}", "{\"big\":12345678901,\"e\":1e+21,\"f\":1.5,\"false\":null,\"neg\":-3,\"small\":1e-7,\"t\":true}"),
                arguments("{.spec.extra.f} {.spec.extra.big} {.spec.extra.e} {.spec.extra.small} {.spec.extra.t} {.spec.extra.neg}",
                        "1.5 12345678901 1e+21 1e-07 true -3"),
                arguments("{.metadata.annotations}", "{\"html\":\"\\u003cb\\u003e\\u0026x\\u003c/b\\u003e\",\"uni\":\"héllo\"}"),
                arguments("{.metadata.annotations.html}", "<b>&x</b>"),
                arguments("{.spec.extra[?(@.f)]}",
                        "error: map[big:12345678901 e:1e+21 f:1.5 false:<nil> neg:-3 small:1e-07 t:true] is not array or slice and cannot be filtered"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pod")
    void onAPod(String template, String expected) throws Exception {
        assertEquals(expected, run(template, POD, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddities")
    void onOddValues(String template, String expected) throws Exception {
        assertEquals(expected, run(template, ODDITIES, true));
    }

    static Stream<Arguments> missingKeysNotAllowed() {
        return Stream.of(
                arguments("{.foo}", "error: foo is not found"),
                arguments("{.spec.foo.bar}", "error: foo is not found"),
                arguments("{.spec.containers[*].foo}", "error: foo is not found"),
                arguments("{.spec.containers[0].name}{.kind}", "nginxPod"),
                arguments("{.spec.containers[?(@.command)].name}", "side"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingKeysNotAllowed")
    void withAllowMissingTemplateKeysFalse(String template, String expected) throws Exception {
        assertEquals(expected, run(template, POD, false));
    }

    private static String run(String template, String object, boolean allowMissing) throws Exception {
        JsonNode data = JSON.readTree(object);
        try {
            return JsonPath.parse(template).execute(data, allowMissing);
        } catch (JsonPathException e) {
            return "error: " + e.getMessage();
        }
    }
}
