package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

/** Work queue keys as client-go makes them: "namespace/name", or "name" for cluster-scoped objects. */
public final class Keys {
    private Keys() {}

    public static String of(JsonNode obj) {
        String ns = Meta.namespace(obj);
        return ns.isEmpty() ? Meta.name(obj) : ns + "/" + Meta.name(obj);
    }

    public static String of(String namespace, String name) {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    public static String namespace(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    public static String name(String key) {
        return key.substring(key.indexOf('/') + 1);
    }
}
