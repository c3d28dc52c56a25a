package kubetutor.engine.kubectl.auth;

import kubetutor.engine.output.Tabwriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What kubeadm's admin user may do, as a SelfSubjectRulesReview answers it: the rules of the
 * cluster roles bound to its groups (kubeadm:cluster-admins → cluster-admin; system:authenticated →
 * system:basic-user, system:discovery, system:public-info-viewer), from the API server's bootstrap
 * policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go).
 */
public final class AdminAccess {
    /** The user kubeadm writes into admin.conf, and the groups its client certificate carries. */
    public static final String USER = "kubernetes-admin";
    public static final List<String> GROUPS = List.of("kubeadm:cluster-admins", "system:authenticated");

    private static final List<PolicyRule> CLUSTER_ADMIN = List.of(
            new PolicyRule(List.of("*"), List.of("*"), List.of("*"), List.of(), List.of()),
            new PolicyRule(List.of("*"), List.of(), List.of(), List.of(), List.of("*")));
    private static final List<PolicyRule> BASIC_USER = List.of(
            new PolicyRule(List.of("create"), List.of("authorization.k8s.io"),
                    List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews"), List.of(), List.of()),
            new PolicyRule(List.of("create"), List.of("authentication.k8s.io"), List.of("selfsubjectreviews"),
                    List.of(), List.of()));
    private static final List<String> HEALTH = List.of("/livez", "/readyz", "/healthz", "/version", "/version/");
    private static final List<PolicyRule> DISCOVERY = List.of(new PolicyRule(List.of("get"), List.of(), List.of(),
            List.of(), concat(HEALTH, List.of("/openapi", "/openapi/*", "/api", "/api/*", "/apis", "/apis/*"))));
    private static final List<PolicyRule> PUBLIC_INFO_VIEWER = List.of(
            new PolicyRule(List.of("get"), List.of(), List.of(), List.of(), HEALTH));

    private AdminAccess() {}

    /** {@code kubectl auth can-i --list}: the rules broken down, sorted as kubectl sorts them, in its table. */
    public static String list(boolean headers) {
        List<PolicyRule> rules = new ArrayList<>();
        for (List<PolicyRule> role : List.of(CLUSTER_ADMIN, BASIC_USER, DISCOVERY, PUBLIC_INFO_VIEWER)) {
            role.forEach(r -> rules.addAll(breakdown(r)));
        }
        // sort.Stable: equal rules (the health URLs two roles share) keep their order and both show
        rules.sort(Comparator.comparing(PolicyRule::goString));
        List<List<String>> lines = new ArrayList<>();
        if (headers) {
            lines.add(List.of("Resources", "Non-Resource URLs", "Resource Names", "Verbs"));
        }
        for (PolicyRule r : rules) {
            lines.add(List.of(r.resourceColumn(), PolicyRule.go(r.nonResourceURLs()), PolicyRule.go(r.resourceNames()),
                    PolicyRule.go(r.verbs())));
        }
        return Tabwriter.render(lines);
    }

    /**
     * rbac's BreakdownRule: one rule per group, resource and verb (per URL and verb for the others).
     * CompactRules would merge verbs of one resource again; no two rules here share a resource.
     */
    static List<PolicyRule> breakdown(PolicyRule rule) {
        List<PolicyRule> out = new ArrayList<>();
        for (String group : rule.apiGroups()) {
            for (String resource : rule.resources()) {
                for (String verb : rule.verbs()) {
                    out.add(new PolicyRule(List.of(verb), List.of(group), List.of(resource), rule.resourceNames(), List.of()));
                }
            }
        }
        for (String url : rule.nonResourceURLs()) {
            for (String verb : rule.verbs()) {
                out.add(new PolicyRule(List.of(verb), List.of(), List.of(), List.of(), List.of(url)));
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
