package kubetutor.bench;

/** The benchmark harnesses, by name. */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "foundation" : args[0];
        switch (which) {
            case "foundation" -> Foundation.main(args);
            case "probes" -> Probes.main(args);
            case "replicaset" -> ReplicaSetScale.main(args);
            case "nodefailure" -> NodeFailure.main(args);
            case "deployment" -> DeploymentRollout.main(args);
            case "fuzz" -> Fuzz.main(args);
            case "hostile" -> Hostile.main(args);
            case "traffic" -> Traffic.main(args);
            case "pictures" -> kubetutor.kernel.PicturesBench.main(args);
            default -> {
                System.err.println("unknown benchmark: " + which
                        + " (known: foundation, probes, replicaset, nodefailure, deployment, fuzz, hostile, traffic, pictures)");
                System.exit(2);
            }
        }
    }
}
