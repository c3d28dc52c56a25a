package kubetutor.engine.image;

/**
 * An image reference as a user writes it ("nginx", "nginx:1.14.2", "gasbugs/http-go:v2") and the
 * fully qualified form containerd reports ("docker.io/library/nginx:latest").
 */
public record ImageRef(String written, String repository, String tag) {

    public static ImageRef parse(String image) {
        String rest = image;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "latest";
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        } else if (!digest.isEmpty()) {
            tag = "";
        }
        String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "";
        boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        String repo;
        if (hasRegistry) {
            repo = rest;
        } else if (rest.contains("/")) {
            repo = "docker.io/" + rest;
        } else {
            repo = "docker.io/library/" + rest;
        }
        return new ImageRef(image, repo, tag);
    }

    /** "docker.io/library/nginx:latest", as containerd names it in pull errors. */
    public String qualified() {
        return repository + (tag.isEmpty() ? "" : ":" + tag);
    }

    /** Whether the tag is "latest" or missing: the API server then defaults imagePullPolicy to Always. */
    public boolean isLatest() {
        return tag.equals("latest") && !written.contains("@");
    }
}
