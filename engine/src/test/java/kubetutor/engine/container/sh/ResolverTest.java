package kubetutor.engine.container.sh;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The names the C library tries for a host name, from a pod's resolv.conf (ndots:5, three search domains). */
class ResolverTest {
    private static final Resolver.ResolvConf POD = Resolver.ResolvConf.read(fs(
            "search dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            web                                   | web.dev.svc.cluster.local web.svc.cluster.local web.cluster.local web
            web.default                           | web.default.dev.svc.cluster.local web.default.svc.cluster.local web.default.cluster.local web.default
            web.default.svc.cluster.local         | web.default.svc.cluster.local.dev.svc.cluster.local web.default.svc.cluster.local.svc.cluster.local web.default.svc.cluster.local.cluster.local web.default.svc.cluster.local
            a.b.c.d.e.f                           | a.b.c.d.e.f a.b.c.d.e.f.dev.svc.cluster.local a.b.c.d.e.f.svc.cluster.local a.b.c.d.e.f.cluster.local
            web.default.svc.cluster.local.        | web.default.svc.cluster.local
            """)
    void namesTriedInOrder(String name, String tried) {
        assertEquals(List.of(tried.split(" ")), Resolver.candidates(name, POD));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nameserver 10.0.2.3                              | [10.0.2.3] | [] | 1
            search a b\\nsearch c\\nnameserver 1.1.1.1       | [1.1.1.1]  | [c] | 1
            options ndots:2 timeout:1\\nnameserver 10.96.0.10 | [10.96.0.10] | [] | 2
            """)
    void resolvConfAsTheLibraryReadsIt(String text, String servers, String search, int ndots) {
        Resolver.ResolvConf conf = Resolver.ResolvConf.read(fs(text.replace("\\n", "\n")));
        assertEquals(servers, conf.nameservers().toString());
        assertEquals(search, conf.search().toString().replace(", ", " "));
        assertEquals(ndots, conf.ndots());
    }

    private static VirtualFs fs(String resolvConf) {
        Instant t = Instant.parse("2026-01-05T09:00:00Z");
        VirtualFs fs = VirtualFs.standard("pod", t);
        fs.write("/etc/resolv.conf", resolvConf, t);
        return fs;
    }
}
